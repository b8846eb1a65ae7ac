import { byId } from "./dom.js";
import { monaco } from "./monaco-setup.js";

/** Texts above this size start folded away: a summary and a "Show the text" button instead. */
const FOLD_ABOVE = 256 * 1024;

/** Settings every editor shares: the services that scan a whole text are off (no editor worker). */
export const editorDefaults: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fixedOverflowWidgets: true,
  wordBasedSuggestions: "off",
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: false, nonBasicASCII: false },
  occurrencesHighlight: "off",
  tabFocusMode: false,
  accessibilitySupport: "off",
};

/** Human-readable size: 6.1 KB, 3.4 MB. */
export function sizeText(characters: number): string {
  if (characters < 1000) return `${characters} characters`;
  if (characters < 1_000_000) return `${(characters / 1000).toFixed(1)} KB`;
  return `${(characters / 1_000_000).toFixed(1)} MB`;
}

/**
 * A large input (configuration, users, target directory) held as an editor model, not as megabytes in
 * a textarea: opened from a file, dropped on its pane, or pasted into the editor. Its summary line says
 * what it holds; above {@link FOLD_ABOVE} the editor starts folded, with a button to inspect the text.
 */
export class DataEditor {
  readonly model: monaco.editor.ITextModel;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly host: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly toggle: HTMLButtonElement;
  private programmatic = false;
  private note = "";
  /**
   * The text as of a model version: reading megabytes out of the model builds a new string each
   * time, and every preview request and save reads the inputs. One string per version also makes the
   * session's "did this input change" check a pointer comparison.
   */
  private cached: { version: number; text: string } | undefined;

  constructor(
    name: string,
    options: { readonly label: string; readonly theme: string; readonly onChange: () => void },
  ) {
    this.host = byId(`${name}-editor`);
    this.summary = byId(`${name}-summary`);
    this.toggle = byId<HTMLButtonElement>(`${name}-toggle`);
    this.model = monaco.editor.createModel("", "plaintext", monaco.Uri.parse(`inmemory://provex/${name}`));
    this.editor = monaco.editor.create(this.host, {
      ...editorDefaults,
      model: this.model,
      theme: options.theme,
      wordWrap: "off",
      lineNumbers: "on",
      lineNumbersMinChars: 3,
      folding: false,
      fontSize: 12,
      ariaLabel: options.label,
    });
    this.model.onDidChangeContent(() => {
      this.updateSummary();
      if (!this.programmatic) options.onChange();
    });
    this.toggle.addEventListener("click", () => this.setFolded(!this.folded));
    const file = byId<HTMLInputElement>(`${name}-file`);
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      if (chosen) void this.load(chosen, options.onChange);
      file.value = "";
    });
    // A file dropped on the pane is read, not opened by the browser in place of the page.
    const pane = byId(`${name}-pane`);
    pane.addEventListener("dragover", (event) => {
      if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
    });
    pane.addEventListener("drop", (event) => {
      const dropped = event.dataTransfer?.files[0];
      if (!dropped) return;
      event.preventDefault();
      void this.load(dropped, options.onChange);
    });
  }

  /** What the text holds, as its reader found ("5,000 users"), shown after its size. */
  setNote(note: string): void {
    if (note === this.note) return;
    this.note = note;
    this.updateSummary();
  }

  get text(): string {
    const version = this.model.getVersionId();
    if (this.cached?.version !== version) this.cached = { version, text: this.model.getValue() };
    return this.cached.text;
  }

  /** Replaces the text without reporting a change (restoring state, loading a sample). */
  setText(text: string): void {
    this.programmatic = true;
    try {
      this.model.setValue(text);
    } finally {
      this.programmatic = false;
    }
    this.cached = { version: this.model.getVersionId(), text };
    this.setFolded(text.length > FOLD_ABOVE);
  }

  get folded(): boolean {
    return this.host.hidden;
  }

  setFolded(folded: boolean): void {
    this.host.hidden = folded;
    this.toggle.textContent = folded ? "Show the text" : "Hide the text";
    this.toggle.setAttribute("aria-expanded", String(!folded));
    if (!folded) this.editor.layout();
  }

  private async load(file: File, onChange: () => void): Promise<void> {
    this.setText(await file.text());
    onChange();
  }

  private updateSummary(): void {
    const length = this.model.getValueLength();
    this.summary.textContent =
      length === 0 ? "empty" : [sizeText(length), this.note].filter(Boolean).join(" · ");
  }
}
