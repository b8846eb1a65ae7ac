import type { LanguageOptions } from "../../src/language/index.js";
import type { PreviewComparison } from "../../src/review/preview-changes.js";
import sampleConfigUrl from "../../test/fixtures/shared/entra-scim-schema.json?url";
import sampleTargetUrl from "../../test/fixtures/shared/target-users.json?url";
import sampleUsersUrl from "../../test/fixtures/shared/users.json?url";
import { renderChanges } from "./changes-view.js";
import { showConfigProblems } from "./config-problems.js";
import { DataEditor, editorDefaults } from "./data-editor.js";
import { byId } from "./dom.js";
import type { MappingSummary, SessionMessage, SummaryRow } from "./evaluation-protocol.js";
import { ExportPanel } from "./export-panel.js";
import { listProblems } from "./expression-mode.js";
import { LANGUAGE_ID } from "./monaco-language.js";
import { monaco } from "./monaco-setup.js";
import { actionCounts, renderUser } from "./preview-view.js";
import { probe, recordEdit, recordResult } from "./probe.js";
import { SessionClient } from "./session-client.js";
import { markStale, StaleMarker } from "./stale.js";
import type { MappingInputs } from "./state.js";
import { StepThrough } from "./step-through.js";
import { VirtualGrid } from "./virtual-grid.js";

/** How long after the last keystroke a preview starts: short, since the worker drops older runs. */
export const PREVIEW_DEBOUNCE_MS = 30;

/** While a preview streams in, the grid is redrawn at most this often. */
const REDRAW_EVERY_MS = 100;

const ACTIONS = ["Create", "Update", "Skip", "Disable", "Error"] as const;

/**
 * Mapping mode: a configuration, sample users and an optional target directory (each an editor model,
 * opened from a file, dropped or pasted), previewed in the session worker, which streams the summary
 * rows; the grid draws only the rows on screen. Each mapping's expression is editable; an edited
 * mapping is marked, can be reverted, and the edited configuration exported in its own format.
 */
export class MappingMode {
  readonly config: DataEditor;
  readonly users: DataEditor;
  readonly target: DataEditor;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly model = monaco.editor.createModel("", LANGUAGE_ID);
  private readonly mappingSelect = byId<HTMLSelectElement>("mapping-select");
  private readonly grid: VirtualGrid<SummaryRow>;
  private readonly client: SessionClient;
  private readonly stale = new StaleMarker(byId("preview-pane"), byId("stale-banner"));
  private readonly exporter: ExportPanel;
  private readonly steps: StepThrough;
  private overrides: Record<number, string> = {};
  private mappings: readonly MappingSummary[] = [];
  private rows: (SummaryRow | undefined)[] = [];
  /** The users the edits change, with their summary before the edits. */
  private changed = new Map<number, string>();
  private changedCount = 0;
  private comparison: PreviewComparison | undefined;
  private selectedUser = 0;
  private selectedMapping = 0;
  private latestPreview = 0;
  /** The mapping edit count when the newest preview was requested (see probe.previewedMappingEdit). */
  private latestPreviewEdit = 0;
  private latestDetail = 0;
  private schema: readonly string[] | undefined;
  private source: Record<string, unknown> = {};
  private loadingExpression = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private redraw: { frame: number; timer?: ReturnType<typeof setTimeout> } | undefined;
  private lastRedrawAt = 0;
  private lintShown = "";
  private lastStarted = 0;
  private sawRows = false;
  /** Called after every change worth saving. */
  onChange: () => void = () => {};

  constructor(
    private readonly options: { current: LanguageOptions },
    theme: string,
  ) {
    const changed = (clearEdits: boolean) => () => {
      if (clearEdits) this.overrides = {};
      this.schedule();
    };
    this.config = new DataEditor("config", { label: "Configuration", theme, onChange: changed(true) });
    this.users = new DataEditor("users", { label: "Users", theme, onChange: changed(false) });
    this.target = new DataEditor("target", { label: "Target directory", theme, onChange: changed(false) });
    this.editor = monaco.editor.create(byId("mapping-editor"), {
      ...editorDefaults,
      model: this.model,
      theme,
      wordWrap: "on",
      lineNumbers: "off",
      "semanticHighlighting.enabled": true,
      ariaLabel: "Mapping expression",
    });
    this.steps = new StepThrough(this.editor, byId("mapping-steps"));
    this.client = new SessionClient((message) => this.receive(message));
    this.exporter = new ExportPanel(this.client, () => this.config.text);
    this.grid = new VirtualGrid<SummaryRow>(
      byId("summary"),
      [
        { title: "#", width: "3.5em", text: (row) => String(row.index + 1) },
        { title: "User", width: "minmax(6em, 1fr)", text: (row) => row.displayName ?? row.id },
        {
          title: "Action",
          width: "5.5em",
          text: (row) => row.action,
          className: (row) => `action action-${row.action.toLowerCase()}`,
        },
        { title: "Summary", width: "minmax(8em, 2fr)", text: (row) => this.summaryText(row) },
      ],
      {
        label: "Users (↑/↓ to switch, Home/End)",
        idPrefix: "summary-row",
        onSelect: (row) => this.select(row.index),
        rowClass: (row) => (this.changed.has(row.index) ? "row-changed" : ""),
      },
    );
    this.model.onDidChangeContent(() => {
      this.refreshDiagnostics();
      if (this.loadingExpression) return;
      const mapping = this.mappings[this.selectedMapping];
      const text = this.model.getValue();
      if (mapping && text === mapping.original) delete this.overrides[this.selectedMapping];
      else this.overrides[this.selectedMapping] = text;
      // The steps were of the text before this edit; the edit's preview brings the new ones.
      this.steps.show([]);
      this.updateMappingList(this.mappings, true);
      this.schedule();
    });
    this.mappingSelect.addEventListener("change", () => {
      this.selectedMapping = Number(this.mappingSelect.value);
      this.loadExpression();
      this.steps.show([]);
      this.requestDetail();
      this.onChange();
    });
    byId("mapping-revert").addEventListener("click", () => this.revert(this.selectedMapping));
    byId("load-sample").addEventListener("click", () => void this.loadSample());
    // The sample is data, not JavaScript: fetched once the page is idle, so that it is cached for offline use.
    requestIdleCallback(() => void sampleScenario().catch(() => {}));
    byId("apply-edits").addEventListener("click", () => void this.writeEditsIntoText());
    byId<HTMLSelectElement>("filter-action").addEventListener("change", () => this.applyFilter());
    byId<HTMLInputElement>("filter-text").addEventListener("input", () => this.applyFilter());
    byId("changes").addEventListener("click", (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
      if (item) this.selectUser(Number(item.dataset.index));
    });
  }

  /** The inputs and edits, for the saved state. */
  inputs(): MappingInputs {
    return {
      config: this.config.text,
      users: this.users.text,
      target: this.target.text,
      overrides: { ...this.overrides },
      selectedUser: this.selectedUser,
      selectedMapping: this.selectedMapping,
    };
  }

  setInputs(inputs: MappingInputs): void {
    this.config.setText(inputs.config);
    this.users.setText(inputs.users);
    this.target.setText(inputs.target);
    this.overrides = { ...inputs.overrides };
    this.selectedUser = inputs.selectedUser;
    this.selectedMapping = inputs.selectedMapping;
    this.mappings = [];
    this.rows = [];
  }

  /** Makes the editor services see the selected user and the configuration's schema. */
  activate(): void {
    this.options.current = { attributes: this.source, ...(this.schema ? { schema: this.schema } : {}) };
  }

  previewNow(): void {
    clearTimeout(this.debounce);
    const priority = [this.selectedUser, ...this.grid.rowsOnScreen().map((row) => row.index)];
    this.latestPreviewEdit = probe.mappingEdits;
    this.latestPreview = this.client.preview(
      { config: this.config.text, users: this.users.text, target: this.target.text },
      { ...this.overrides },
      priority,
    );
    byId("preview-pane").dataset.running = "true";
  }

  private schedule(): void {
    recordEdit();
    probe.mappingEdits++;
    this.onChange();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.previewNow(), PREVIEW_DEBOUNCE_MS);
  }

  private refreshDiagnostics(): void {
    void listProblems(byId("mapping-problems"), this.model, this.options.current);
  }

  private receive(message: SessionMessage): void {
    if (message.kind === "detail") {
      if (message.id !== this.latestDetail) return;
      this.source = { ...(message.source ?? {}) };
      this.activate();
      this.refreshDiagnostics();
      renderUser(byId("user-detail"), message.user, message.change);
      if (message.trace?.mapping === this.selectedMapping) {
        this.steps.show(
          message.trace.steps,
          message.trace.hidden
            ? "This mapping calls Redact or reads a secret attribute: its values are not shown."
            : "",
        );
      }
      return;
    }
    if (message.kind.startsWith("batch")) return;
    if (message.id !== this.latestPreview) return;
    switch (message.kind) {
      case "failure":
        delete byId("preview-pane").dataset.running;
        if (message.stage === "users" || message.stage === "target" || message.stage === "config") {
          const input = { users: "Users", target: "Target directory", config: "Configuration" }[
            message.stage
          ];
          markStale(this.stale, input, message);
        } else {
          markStale(this.stale, "Preview", message);
        }
        recordResult("preview");
        return;
      case "preview-start":
        this.sawRows = false;
        this.stale.clear();
        this.lastStarted = performance.now();
        this.schema = message.sourceAttributes;
        this.activate();
        if (this.rows.length !== message.total) this.rows = new Array(message.total);
        if (Object.keys(this.overrides).length === 0) {
          this.changed.clear();
          this.changedCount = 0;
          this.comparison = undefined;
        }
        this.updateMappingList(message.mappings, false);
        this.showConfigProblems(message);
        this.exporter.setFormat(message.format, Object.keys(this.overrides).length);
        this.users.setNote(`${message.total.toLocaleString("en-US")} user${message.total === 1 ? "" : "s"}`);
        return;
      case "preview-chunk": {
        const first = !this.sawRows;
        if (first) {
          this.sawRows = true;
          probe.lastFirstRowsMs = performance.now() - probe.lastEditAt;
        }
        for (const row of message.rows) this.rows[row.index] = row;
        if (message.rows.some((row) => row.index === this.selectedUser)) this.requestDetail();
        this.scheduleRedraw(first);
        return;
      }
      case "preview-done": {
        delete byId("preview-pane").dataset.running;
        probe.lastWorkerMs = message.workerMs;
        probe.previewedMappingEdit = this.latestPreviewEdit;
        const latency = recordResult("preview");
        const total = this.rows.length;
        byId("preview-status").textContent =
          `${total.toLocaleString("en-US")} users: ${actionCounts(this.rows)}. Preview took ${message.workerMs.toFixed(0)} ms in the worker${Number.isNaN(latency) ? "" : `, ${latency.toFixed(0)} ms after the last edit`}.`;
        if (total === 0) renderUser(byId("user-detail"), undefined);
        this.scheduleRedraw(true);
        this.renderChanges();
        return;
      }
      case "preview-changes":
        this.comparison = message.comparison;
        this.changedCount = message.changedCount;
        this.changed = new Map(message.changedUsers);
        this.renderChanges();
        this.requestDetail();
        this.scheduleRedraw();
        return;
    }
  }

  private summaryText(row: SummaryRow): string {
    const before = this.changed.get(row.index);
    return before !== undefined && before !== row.summary ? `${before} → ${row.summary}` : row.summary;
  }

  /**
   * Redraws the grid on the next frame; while results stream in, at most every REDRAW_EVERY_MS (each
   * redraw filters every row), but the first rows and the finished preview at once.
   */
  private scheduleRedraw(urgent = false): void {
    if (this.redraw !== undefined) {
      if (!urgent || this.redraw.frame) return;
      clearTimeout(this.redraw.timer);
    }
    const draw = () => {
      const frame = requestAnimationFrame(() => {
        this.redraw = undefined;
        this.lastRedrawAt = performance.now();
        this.applyFilter();
      });
      this.redraw = { frame };
    };
    const wait = urgent ? 0 : this.lastRedrawAt + REDRAW_EVERY_MS - performance.now();
    if (wait <= 0) draw();
    else this.redraw = { frame: 0, timer: setTimeout(draw, wait) };
  }

  /** The rows that pass the action and text filters, in input order. */
  private applyFilter(): void {
    const action = byId<HTMLSelectElement>("filter-action").value;
    const text = byId<HTMLInputElement>("filter-text").value.trim().toLowerCase();
    const rows: SummaryRow[] = [];
    let computed = 0;
    for (const row of this.rows) {
      if (!row) continue;
      computed++;
      if (action === "Changed" ? !this.changed.has(row.index) : action !== "" && row.action !== action)
        continue;
      if (text !== "" && !`${row.displayName ?? ""}\n${row.id}\n${row.summary}`.toLowerCase().includes(text))
        continue;
      rows.push(row);
    }
    this.grid.setRows(rows, (row) => row.index === this.selectedUser);
    const shown = rows.length === computed ? "" : ` (${rows.length.toLocaleString("en-US")} shown)`;
    byId("filter-count").textContent = shown;
  }

  /** Selects a user by input index (from the grid, the changes list or a restored state). */
  selectUser(index: number): void {
    if (!this.grid.selectWhere((row) => row.index === index, false)) {
      byId<HTMLSelectElement>("filter-action").value = "";
      byId<HTMLInputElement>("filter-text").value = "";
      this.applyFilter();
      this.grid.selectWhere((row) => row.index === index, false);
    }
    this.select(index);
  }

  private select(index: number): void {
    if (index === this.selectedUser && this.latestDetail !== 0) return;
    this.selectedUser = index;
    this.requestDetail();
    this.onChange();
  }

  private requestDetail(): void {
    if (this.rows.length === 0) return;
    this.latestDetail = this.client.detail(
      Math.min(this.selectedUser, this.rows.length - 1),
      this.selectedMapping,
    );
  }

  private loadExpression(): void {
    const mapping = this.mappings[this.selectedMapping];
    this.loadingExpression = true;
    this.model.setValue(this.overrides[this.selectedMapping] ?? mapping?.original ?? "");
    this.loadingExpression = false;
    this.refreshDiagnostics();
    this.showModified();
  }

  private revert(index: number): void {
    delete this.overrides[index];
    if (index === this.selectedMapping) this.loadExpression();
    this.updateMappingList(this.mappings, true);
    this.schedule();
  }

  private showModified(): void {
    const edited = this.overrides[this.selectedMapping] !== undefined;
    byId("mapping-modified").hidden = !edited;
    byId<HTMLButtonElement>("mapping-revert").disabled = !edited;
    const count = Object.keys(this.overrides).length;
    byId("edits-note").hidden = count === 0;
    byId("edits-count").textContent = `${count} mapping${count === 1 ? "" : "s"} edited`;
  }

  /** The mapping list: `target ← expression`, edited ones marked with ✎ and showing their new text. */
  private updateMappingList(mappings: readonly MappingSummary[], keepEditor: boolean): void {
    const structureChanged =
      mappings.length !== this.mappings.length ||
      mappings.some((mapping, index) => mapping.target !== this.mappings[index]?.target);
    this.mappings = mappings;
    const labels = mappings.map((mapping) => {
      const edited = this.overrides[mapping.index];
      const expression = edited ?? mapping.original ?? "(none)";
      const label = `${edited !== undefined ? "✎ " : ""}${mapping.target} ← ${expression}`;
      return label.length > 160 ? `${label.slice(0, 160)}…` : label;
    });
    // Only the labels that changed are rewritten: replacing every option on each keystroke would
    // relayout the page.
    const options = this.mappingSelect.options;
    if (options.length !== labels.length) {
      this.mappingSelect.replaceChildren(...labels.map((label, index) => new Option(label, String(index))));
    } else {
      labels.forEach((label, index) => {
        const option = options[index] as HTMLOptionElement;
        if (option.text !== label) option.text = label;
      });
    }
    if (this.selectedMapping >= mappings.length) this.selectedMapping = 0;
    this.mappingSelect.value = String(this.selectedMapping);
    byId("mapping-count").textContent = `${mappings.length} mappings`;
    if (structureChanged && !keepEditor) this.loadExpression();
    this.showModified();
  }

  private showConfigProblems(message: Extract<SessionMessage, { kind: "preview-start" }>): void {
    // The same findings for the same text (a keystroke in a mapping): nothing to redraw.
    const shown = `${this.config.model.getVersionId()}\n${JSON.stringify(message.lint)}`;
    if (shown === this.lintShown) return;
    this.lintShown = shown;
    showConfigProblems(this.config, message.lint);
  }

  private renderChanges(): void {
    const edited = Object.keys(this.overrides).length > 0;
    renderChanges(byId("changes"), edited, this.comparison, this.changedCount);
  }

  private async loadSample(): Promise<void> {
    try {
      const { config, users, target } = await sampleScenario();
      this.setInputs({ config, users, target, overrides: {}, selectedUser: 0, selectedMapping: 0 });
      this.schedule();
    } catch (error) {
      byId("status").textContent = `The sample scenario could not be loaded: ${(error as Error).message}`;
    }
  }

  /** Replaces the configuration text with the edited configuration (written by the library). */
  private async writeEditsIntoText(): Promise<void> {
    const exported = await this.client.exportConfig();
    this.config.setText(exported.text);
    this.overrides = {};
    this.schedule();
  }

  /** For the browser tests and the share link: the rows computed so far. */
  summaryRows(): readonly (SummaryRow | undefined)[] {
    return this.rows;
  }

  get previewStartedAt(): number {
    return this.lastStarted;
  }
}

export { ACTIONS };

let sample: Promise<{ config: string; users: string; target: string }> | undefined;

/** The shared fixtures (test/fixtures/shared), served next to the page as static files. */
function sampleScenario(): Promise<{ config: string; users: string; target: string }> {
  const text = async (url: string) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  };
  sample ??= Promise.all([text(sampleConfigUrl), text(sampleUsersUrl), text(sampleTargetUrl)]).then(
    ([config, users, target]) => ({ config, users, target }),
  );
  sample.catch(() => {
    sample = undefined;
  });
  return sample;
}
