import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./lib/test/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./lib/db/test-global-setup.ts"],
    testTimeout: 20000,
    // The JSON report feeds the one-line total that .ci/run prints.
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
  },
});
