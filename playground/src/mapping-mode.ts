import { LineIndex, parseUsersText, type UserPreview } from "../../src/index.js";
import { diagnose, type LanguageOptions } from "../../src/language/index.js";
import sampleConfig from "../../test/fixtures/shared/entra-scim-schema.json?raw";
import sampleTarget from "../../test/fixtures/shared/target-users.json?raw";
import sampleUsers from "../../test/fixtures/shared/users.json?raw";
import { byId, textElement } from "./dom.js";
import { WorkerClient } from "./evaluation-client.js";
import type { MappingSummary, PreviewRequest, PreviewResponse } from "./evaluation-protocol.js";
import { DEBOUNCE_MS, listProblems } from "./expression-mode.js";
import { LANGUAGE_ID, showDiagnostics } from "./monaco-language.js";
import { monaco } from "./monaco-setup.js";
import { actionCounts, renderSummary, renderUser } from "./preview-view.js";
import { recordEdit, recordResult } from "./probe.js";

/** What mapping mode keeps in a share link. */
export interface MappingInputs {
  readonly config: string;
  readonly users: string;
  readonly target: string;
  /** Expressions edited in the mapping editor, by mapping index (the configuration text is not rewritten). */
  readonly overrides: Readonly<Record<number, string>>;
}

/**
 * Mapping mode: a configuration (Entra schema JSON or provex YAML), sample users and an optional target
 * directory, previewed in a worker; each mapping's expression editable with the language services.
 */
export class MappingMode {
  readonly configInput = byId<HTMLTextAreaElement>("config");
  readonly usersInput = byId<HTMLTextAreaElement>("users");
  readonly targetInput = byId<HTMLTextAreaElement>("target");
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly model = monaco.editor.createModel("", LANGUAGE_ID);
  private readonly mappingSelect = byId<HTMLSelectElement>("mapping-select");
  private readonly summary = byId<HTMLTableElement>("summary");
  private readonly client = new WorkerClient<PreviewRequest, PreviewResponse>(
    (outcome) => this.show(outcome),
    5000,
  );
  private overrides: Record<number, string> = {};
  private mappings: readonly MappingSummary[] = [];
  private users: readonly UserPreview[] = [];
  private selected = 0;
  private schema: readonly string[] | undefined;
  private loadingExpression = false;
  private debounce: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: { current: LanguageOptions },
    inputs: MappingInputs | undefined,
    theme: string,
  ) {
    this.setInputs(inputs ?? { config: "", users: "", target: "", overrides: {} });
    this.editor = monaco.editor.create(byId("mapping-editor"), {
      model: this.model,
      theme,
      automaticLayout: true,
      minimap: { enabled: false },
      wordWrap: "on",
      lineNumbers: "off",
      scrollBeyondLastLine: false,
      "semanticHighlighting.enabled": true,
      fixedOverflowWidgets: true,
    });
    this.model.onDidChangeContent(() => {
      this.refreshDiagnostics();
      if (this.loadingExpression) return;
      this.overrides[Number(this.mappingSelect.value)] = this.model.getValue();
      this.schedule();
    });
    this.mappingSelect.addEventListener("change", () => this.loadExpression());
    for (const input of [this.configInput, this.usersInput, this.targetInput]) {
      input.addEventListener("input", () => {
        if (input === this.configInput) this.overrides = {};
        this.schedule();
      });
    }
    byId("load-sample").addEventListener("click", () => {
      this.setInputs({ config: sampleConfig, users: sampleUsers, target: sampleTarget, overrides: {} });
      this.schedule();
    });
    const openFile = async (file: File | undefined) => {
      if (!file) return;
      this.configInput.value = await file.text();
      this.overrides = {};
      this.schedule();
    };
    byId<HTMLInputElement>("config-file").addEventListener("change", (event) => {
      void openFile((event.target as HTMLInputElement).files?.[0]);
    });
    // A file dropped on the configuration is read, not opened by the browser in place of the page.
    this.configInput.addEventListener("dragover", (event) => event.preventDefault());
    this.configInput.addEventListener("drop", (event) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void openFile(file);
    });
    this.summary.addEventListener("click", (event) => {
      const row = (event.target as HTMLElement).closest("tr[data-index]") as HTMLElement | null;
      if (row) this.select(Number(row.dataset.index));
    });
    // ↑/↓ switch users, unless the focus is in something that uses the arrows itself.
    window.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      if (byId("mapping-mode").hidden || isTextEntry(document.activeElement)) return;
      event.preventDefault();
      this.select(this.selected + (event.key === "ArrowDown" ? 1 : -1));
    });
  }

  /** Checks the mapping editor's expression, against the configuration's source schema when it has one. */
  private refreshDiagnostics(): void {
    const diagnostics = diagnose(this.model.getValue(), this.options.current);
    showDiagnostics(this.model, "provex", diagnostics);
    listProblems(byId("mapping-problems"), this.model, diagnostics);
  }

  inputs(): MappingInputs {
    return {
      config: this.configInput.value,
      users: this.usersInput.value,
      target: this.targetInput.value,
      overrides: { ...this.overrides },
    };
  }

  setInputs(inputs: MappingInputs): void {
    this.configInput.value = inputs.config;
    this.usersInput.value = inputs.users;
    this.targetInput.value = inputs.target;
    this.overrides = { ...inputs.overrides };
  }

  /** Makes the editor services see the selected user. */
  activate(): void {
    const user = this.selectedSource();
    this.options.current = { attributes: user ?? {}, ...(this.schema ? { schema: this.schema } : {}) };
  }

  previewNow(): void {
    clearTimeout(this.debounce);
    this.client.run({
      kind: "preview",
      configText: this.configInput.value,
      usersJson: this.usersInput.value,
      targetJson: this.targetInput.value,
      overrides: { ...this.overrides },
    });
  }

  private schedule(): void {
    recordEdit();
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.previewNow(), DEBOUNCE_MS);
  }

  private selectedSource(): Record<string, unknown> | undefined {
    try {
      const user = parseUsersText(this.usersInput.value)[this.selected];
      return typeof user === "object" && user !== null ? (user as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }

  private select(index: number): void {
    if (this.users.length === 0) return;
    this.selected = Math.max(0, Math.min(index, this.users.length - 1));
    renderSummary(this.summary, this.users, this.selected);
    renderUser(byId("user-detail"), this.users[this.selected]);
    this.summary.querySelector('tr[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
    this.activate();
    this.refreshDiagnostics();
  }

  private loadExpression(): void {
    const index = Number(this.mappingSelect.value);
    const mapping = this.mappings[index];
    this.loadingExpression = true;
    this.model.setValue(this.overrides[index] ?? mapping?.expression ?? "");
    this.loadingExpression = false;
  }

  private show(outcome: PreviewResponse): void {
    const status = byId("preview-status");
    if (!outcome.ok) {
      status.textContent = outcome.message;
      status.className = "error-text";
      recordResult("preview");
      return;
    }
    status.className = "hint";
    this.users = outcome.users;
    this.schema = outcome.sourceAttributes;
    const latency = recordResult("preview");
    status.textContent = `${outcome.users.length} users: ${actionCounts(outcome.users)}. Preview took ${outcome.workerMs.toFixed(0)} ms in the worker${Number.isNaN(latency) ? "" : `, ${latency.toFixed(0)} ms after the last edit (${DEBOUNCE_MS} ms debounce)`}.`;
    const lines = new LineIndex(this.configInput.value);
    byId("config-problems").replaceChildren(
      ...outcome.configDiagnostics.map((diagnostic) => {
        const { line, column } = lines.locate(diagnostic.span.start);
        return textElement(
          "li",
          `${line}:${column} ${diagnostic.message} [${diagnostic.code}]`,
          diagnostic.severity,
        );
      }),
    );
    this.updateMappingList(outcome.mappings);
    this.select(this.selected);
  }

  private updateMappingList(mappings: readonly MappingSummary[]): void {
    const same =
      mappings.length === this.mappings.length &&
      mappings.every((mapping, index) => mapping.target === this.mappings[index]?.target);
    this.mappings = mappings;
    if (same) return;
    const previous = this.mappingSelect.value;
    this.mappingSelect.replaceChildren(
      ...mappings.map((mapping) => {
        const option = new Option(
          `${mapping.target} ← ${mapping.expression ?? "(none)"}`,
          String(mapping.index),
        );
        return option;
      }),
    );
    if (mappings.some((mapping) => String(mapping.index) === previous)) this.mappingSelect.value = previous;
    this.loadExpression();
    byId("mapping-count").textContent = `${mappings.length} mappings`;
  }
}

function isTextEntry(element: Element | null): boolean {
  if (!element) return false;
  return (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element.closest(".monaco-editor") !== null
  );
}
