/**
 * Task pane entry. PLACEHOLDER: the pane engineer replaces it with the real pane (React + Fluent UI v9).
 */
import { FluentProvider, Text, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Text>Bảng điều khiển CQS</Text>
    </FluentProvider>,
  );
});
