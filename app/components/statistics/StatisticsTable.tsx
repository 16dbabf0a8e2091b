import { cellText, NO_FIGURE, type Cell, type ColumnKind, type Table } from "../../models/statistics";
import { BarChart } from "./BarChart";

/** One table of the follow-up, with its chart beside it and a CSV download. */
export function StatisticsTable({ table, csvHref }: { table: Table; csvHref: string }) {
  const chart = table.chart;
  return (
    <section className="statistics" aria-labelledby={`${table.id}-caption`}>
      <div className={chart ? "statistics__pair" : undefined}>
        <div className="table-wrap">
          <table>
            <caption id={`${table.id}-caption`}>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.key} scope="col" className={c.kind === "text" ? undefined : "number"}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 ? (
                <tr>
                  <td colSpan={table.columns.length}>Inget att visa än.</td>
                </tr>
              ) : (
                table.rows.map((row, i) => (
                  <tr key={i}>
                    {table.columns.map((c, j) =>
                      j === 0 ? (
                        <th key={c.key} scope="row">
                          {cellText(row[c.key] ?? null, c.kind)}
                        </th>
                      ) : (
                        <td key={c.key} className={c.kind === "text" ? undefined : "number"}>
                          <CellText value={row[c.key] ?? null} kind={c.kind} noFigure={table.noFigure ?? "ingen uppgift"} />
                        </td>
                      ),
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        {chart && table.rows.length > 0 ? (
          <BarChart
            title={chart.title}
            bars={table.rows.map((r) => ({ label: cellText(r[chart.labelKey] ?? null, "text"), value: r[chart.valueKey] ?? null }))}
          />
        ) : null}
      </div>
      {table.noFigure ? (
        <p className="field__hint">
          {NO_FIGURE} betyder: {table.noFigure}.
        </p>
      ) : null}
      <p>
        <a href={csvHref} download>
          Ladda ner som CSV<span className="sr-only">: {table.caption}</span>
        </a>
      </p>
    </section>
  );
}

/** A cell's text; a "–" is read out as why there is no figure, since a screen reader says nothing or "streck". */
function CellText({ value, kind, noFigure }: { value: Cell; kind: ColumnKind; noFigure: string }) {
  const text = cellText(value, kind);
  if (text !== NO_FIGURE) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{NO_FIGURE}</span>
      <span className="sr-only">{noFigure}</span>
    </>
  );
}
