import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/temp-folder.ts"],
    // Generous: many tests start the real CLI or app in a child process, and a loaded 2-core
    // machine can take seconds per start. Speed is measured by `npm run bench`, not here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
