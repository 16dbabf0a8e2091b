import { cellText, type Table } from "../../models/statistics";
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
                          {cellText(row[c.key] ?? null, c.kind)}
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
      <p>
        <a href={csvHref} download>
          Ladda ner som CSV<span className="sr-only">: {table.caption}</span>
        </a>
      </p>
    </section>
  );
}
