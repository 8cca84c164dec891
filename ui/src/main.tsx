import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppFrame } from "./app/AppFrame";
import { AppProviders } from "./app/AppProviders";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <AppFrame />
      </AppProviders>
    </StrictMode>,
  );
}
