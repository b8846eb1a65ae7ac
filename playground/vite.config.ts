import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { docsPages } from "./docs-pages-plugin.js";
import { functionNamesForThePage } from "./function-names-plugin.js";
import { leaveOutUnusedMonaco } from "./monaco-stubs-plugin.js";

/**
 * The repository's package.json says `"sideEffects": false` (true of the library), under which the
 * bundler may drop the playground's side-effect imports (Monaco contributions) and top-level
 * statements. The playground's own modules do have effects: say so.
 */
const playgroundHasSideEffects: Plugin = {
  name: "provex-playground-side-effects",
  transform(code, id) {
    if (!id.includes("/playground/src/")) return undefined;
    return { code, map: null, moduleSideEffects: true };
  },
};

/** The playground: a static site in dist-playground/, served from any path (relative base). */
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [leaveOutUnusedMonaco(), functionNamesForThePage(), playgroundHasSideEffects, docsPages()],
  build: {
    outDir: resolve(import.meta.dirname, "../dist-playground"),
    emptyOutDir: true,
    // Monaco alone is ~3 MB before gzip; the warning would fire on every build.
    chunkSizeWarningLimit: 5000,
    // The sample scenario's JSON files stay files (fetched, cached), never inlined into the JavaScript.
    assetsInlineLimit: (file: string) => (file.endsWith(".json") ? false : undefined),
    // The worker plugin's bundling of the evaluation worker always trips the slow-plugin report.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  worker: { format: "es" },
  preview: { host: "127.0.0.1", port: 5173, strictPort: false },
  server: { host: "127.0.0.1" },
});
