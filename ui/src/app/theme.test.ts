import { describe, expect, it } from "vitest";
import { uiFontStack } from "./theme";

describe("uiFontStack", () => {
  it("uses fontconfig's sans-serif in WebKitGTK on Linux", () => {
    const webkitGtk = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15";
    expect(uiFontStack(webkitGtk)).toBe("sans-serif");
  });

  it("uses the platform UI font on macOS and Windows", () => {
    const wkWebView = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";
    const webView2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
    expect(uiFontStack(wkWebView)).toBe("system-ui, sans-serif");
    expect(uiFontStack(webView2)).toBe("system-ui, sans-serif");
  });

  it("does not take Android for a Linux desktop", () => {
    expect(uiFontStack("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36")).toBe("system-ui, sans-serif");
  });
});
