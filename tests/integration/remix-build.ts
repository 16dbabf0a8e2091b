/**
 * A server build of the portal's root and entry with the route modules a test needs, in the
 * shape `remix build` writes, for Remix's own request handler: the status, headers and page
 * are what a browser gets.
 */
import type { ServerBuild } from "@remix-run/node";
import * as entryServer from "../../app/entry.server";
import * as root from "../../app/root";

export function portalBuild(routes: Record<string, { path: string; module: object }>): ServerBuild {
  const asset = (id: string, parentId: string | undefined, path: string, module: object) => ({
    id,
    parentId,
    path,
    module: `/build/${id}.js`,
    imports: [],
    hasAction: "action" in module,
    hasLoader: "loader" in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: id === "root",
  });
  const ids = Object.keys(routes);
  return {
    mode: "production",
    entry: { module: entryServer },
    routes: {
      root: { id: "root", parentId: undefined, path: "", index: undefined, caseSensitive: undefined, module: root },
      ...Object.fromEntries(
        ids.map((id) => [id, { id, parentId: "root", path: routes[id]!.path, index: undefined, caseSensitive: undefined, module: routes[id]!.module }]),
      ),
    },
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: {
        root: asset("root", undefined, "", root),
        ...Object.fromEntries(ids.map((id) => [id, asset(id, "root", routes[id]!.path, routes[id]!.module)])),
      },
      url: "/build/manifest.js",
      version: "test",
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_routeConfig: false,
      v3_singleFetch: false,
      v3_lazyRouteDiscovery: true,
      unstable_optimizeDeps: false,
    },
    isSpaMode: false,
  } as unknown as ServerBuild;
}
