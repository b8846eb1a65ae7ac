import { DataEditor } from "./data-editor.js";
import { byId } from "./dom.js";
import type { BatchRow, SessionMessage } from "./evaluation-protocol.js";
import { recordResult } from "./probe.js";
import { SessionClient } from "./session-client.js";
import { markStale, StaleMarker } from "./stale.js";
import { tracedText } from "./step-through.js";
import { VirtualGrid } from "./virtual-grid.js";

/**
 * Expression mode's many users: the expression against each user of a pasted or opened list (JSON or
 * CSV), in a grid of user → value. A column (or key) named `expected` is compared with each value, and
 * mismatches are marked and counted.
 */
export class ManyUsers {
  readonly input: DataEditor;
  private client: SessionClient | undefined;
  private readonly grid: VirtualGrid<BatchRow>;
  private readonly stale = new StaleMarker(byId("many-pane"), byId("many-stale"));
  private rows: BatchRow[] = [];
  private latest = 0;
  private withExpected = false;
  private redraw = 0;

  constructor(
    theme: string,
    private readonly expression: () => string,
    onChange: () => void,
  ) {
    this.input = new DataEditor("many", {
      label: "Users for the expression",
      theme,
      onChange: () => {
        onChange();
        this.run();
      },
    });
    this.grid = new VirtualGrid<BatchRow>(
      byId("many-grid"),
      [
        { title: "#", width: "3.5em", text: (row) => String(row.index + 1) },
        { title: "User", width: "minmax(6em, 1fr)", text: (row) => row.label },
        {
          title: "Value",
          width: "minmax(8em, 2fr)",
          text: (row) => tracedText(row.value),
          className: (row) => (row.value.state === "error" ? "error-text" : ""),
        },
        { title: "Expected", width: "minmax(6em, 1fr)", text: (row) => row.expected ?? "" },
        {
          title: "Match",
          width: "4.5em",
          text: (row) => (row.matches === undefined ? "" : row.matches ? "✓" : "✗ differs"),
          className: (row) => (row.matches === false ? "mismatch" : ""),
        },
      ],
      {
        label: "Values per user",
        idPrefix: "many-row",
        onSelect: () => {},
        rowClass: (row) => (row.matches === false ? "row-mismatch" : ""),
      },
    );
    byId<HTMLInputElement>("many-mismatches-only").addEventListener("change", () => this.draw());
  }

  /** Evaluates the expression for every user (the worker drops an older run by itself). */
  run(): void {
    if (byId("many-pane").hidden) return;
    this.client ??= new SessionClient((message) => this.receive(message));
    this.latest = this.client.batch(this.expression(), this.input.text);
  }

  private receive(message: SessionMessage): void {
    if (message.id !== this.latest) return;
    switch (message.kind) {
      case "failure": {
        const input = message.stage === "users" ? "Users" : "Expression";
        markStale(this.stale, input, message);
        recordResult("batch");
        return;
      }
      case "batch-start":
        this.stale.clear();
        this.withExpected = message.withExpected;
        this.rows = new Array(message.total);
        this.input.setNote(
          `${message.total.toLocaleString("en-US")} users${message.withExpected ? ", with expected values" : ""}`,
        );
        return;
      case "batch-chunk":
        for (const row of message.rows) this.rows[row.index] = row;
        this.scheduleDraw();
        return;
      case "batch-done":
        byId("many-status").textContent =
          `${this.rows.length.toLocaleString("en-US")} users${this.withExpected ? `: ${message.mismatches.toLocaleString("en-US")} differ from the expected value` : ""} (${message.workerMs.toFixed(0)} ms in the worker).`;
        this.scheduleDraw();
        recordResult("batch");
        return;
    }
  }

  private scheduleDraw(): void {
    if (this.redraw) return;
    this.redraw = requestAnimationFrame(() => {
      this.redraw = 0;
      this.draw();
    });
  }

  private draw(): void {
    const onlyMismatches = byId<HTMLInputElement>("many-mismatches-only").checked;
    this.grid.setRows(this.rows.filter((row) => row && (!onlyMismatches || row.matches === false)));
  }

  /** The rows computed so far (for the browser tests). */
  results(): readonly BatchRow[] {
    return this.rows;
  }
}
