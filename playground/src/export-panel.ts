import { byId } from "./dom.js";
import type { SessionClient } from "./session-client.js";

/**
 * Exports the configuration with the playground's edits, written by the library's writeConfig in the
 * format it was loaded from (Entra schema JSON or provex YAML): downloaded as a file, or copied.
 */
export class ExportPanel {
  private format: "entra" | "provex" = "entra";

  constructor(
    private readonly client: SessionClient,
    private readonly text: () => string,
  ) {
    byId("export-download").addEventListener("click", () => void this.download());
    byId("export-copy").addEventListener("click", () => void this.copy());
  }

  setFormat(format: "entra" | "provex", edits: number): void {
    this.format = format;
    const what = format === "entra" ? "Entra schema JSON" : "provex YAML";
    byId("export-format").textContent =
      `Export (${what}${edits > 0 ? `, with ${edits} edit${edits === 1 ? "" : "s"}` : ""}):`;
  }

  /** The file name: provex-mapping.json or provex-mapping.yaml. */
  fileName(): string {
    return this.format === "entra" ? "synchronization-schema.json" : "provex-mapping.yaml";
  }

  private async exported(): Promise<string> {
    if (this.text().trim() === "") throw new Error("There is no configuration to export yet.");
    return (await this.client.exportConfig()).text;
  }

  private async download(): Promise<void> {
    const status = byId("status");
    try {
      const text = await this.exported();
      const type = this.format === "entra" ? "application/json" : "application/yaml";
      const url = URL.createObjectURL(new Blob([text], { type }));
      const link = document.createElement("a");
      link.href = url;
      link.download = this.fileName();
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      status.textContent = `Downloaded ${this.fileName()}.`;
    } catch (error) {
      status.textContent = (error as Error).message;
    }
  }

  private async copy(): Promise<void> {
    const status = byId("status");
    try {
      const text = await this.exported();
      await navigator.clipboard.writeText(text);
      status.textContent = "The edited configuration is on the clipboard.";
    } catch (error) {
      status.textContent = `Could not copy: ${(error as Error).message}`;
    }
  }
}
