/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Tauri serves the built UI from its own protocol (tauri://localhost on Linux), so
// absolute asset paths work; `./` keeps the build portable to a file or sub-path anyway.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, host: process.env.TAURI_DEV_HOST || false },
  envPrefix: ["VITE_", "TAURI_ENV_*"],
  build: {
    // WebKitGTK on Linux (and WKWebView on macOS) is the oldest engine we ship on.
    target: "safari13",
    minify: !process.env.TAURI_ENV_DEBUG,
    sourcemap: Boolean(process.env.TAURI_ENV_DEBUG),
    // A desktop app reads its bundle from disk: the only split is the screens loaded on
    // first visit (React.lazy in AppFrame), which keeps start-up parsing small.
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
