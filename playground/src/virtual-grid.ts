/** One column of a {@link VirtualGrid}: its title, width (a CSS grid track) and cell text. */
export interface GridColumn<Row> {
  readonly title: string;
  readonly width: string;
  text(row: Row): string;
  className?(row: Row): string;
}

/**
 * A keyboard-navigable ARIA grid that draws only the rows on screen, so that 5,000 users cost what 30
 * do. Focus stays on the grid (`aria-activedescendant` names the selected row); ↑/↓, Page Up/Down,
 * Home/End move the selection, and a click selects. Every cell is text (textContent), never HTML.
 */
export class VirtualGrid<Row> {
  private rows: readonly Row[] = [];
  private selectedPosition = -1;
  private readonly body: HTMLElement;
  private drawn = new Map<number, HTMLElement>();
  private frame = 0;
  /**
   * The scroll position and the height of the rows' window, kept from scroll events and the resize
   * observer: reading them from the DOM while drawing (right after the body's height changed) would
   * force a layout of the whole page on every chunk of results.
   */
  private scrollTop = 0;
  private windowHeight = 0;

  constructor(
    private readonly grid: HTMLElement,
    private readonly columns: readonly GridColumn<Row>[],
    private readonly options: {
      readonly label: string;
      readonly idPrefix: string;
      readonly rowHeight?: number;
      readonly onSelect: (row: Row) => void;
      readonly rowClass?: (row: Row) => string;
    },
  ) {
    grid.setAttribute("role", "grid");
    grid.setAttribute("aria-label", options.label);
    grid.setAttribute("aria-readonly", "true");
    grid.tabIndex = 0;
    grid.classList.add("vgrid");
    grid.style.setProperty("--columns", columns.map((column) => column.width).join(" "));
    grid.style.setProperty("--row-height", `${this.rowHeight}px`);
    const head = document.createElement("div");
    head.setAttribute("role", "rowgroup");
    head.className = "vgrid-head";
    const headRow = document.createElement("div");
    headRow.setAttribute("role", "row");
    headRow.setAttribute("aria-rowindex", "1");
    headRow.className = "vgrid-row";
    for (const column of columns) {
      const cell = document.createElement("div");
      cell.setAttribute("role", "columnheader");
      cell.textContent = column.title;
      headRow.append(cell);
    }
    head.append(headRow);
    this.body = document.createElement("div");
    this.body.setAttribute("role", "rowgroup");
    this.body.className = "vgrid-body";
    grid.replaceChildren(head, this.body);
    // The grid itself scrolls (so that its scrolling region is the focusable grid); the head sticks.
    grid.addEventListener(
      "scroll",
      () => {
        this.scrollTop = grid.scrollTop;
        this.schedule();
      },
      { passive: true },
    );
    const resized = new ResizeObserver(() => {
      // Layout is fresh while resize observers run: reading sizes here costs nothing extra.
      this.windowHeight = grid.clientHeight - head.offsetHeight;
      this.scrollTop = grid.scrollTop;
      this.schedule();
    });
    resized.observe(grid);
    resized.observe(head);
    grid.addEventListener("keydown", (event) => this.onKey(event));
    this.body.addEventListener("click", (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>("[data-position]");
      if (!row) return;
      this.select(Number(row.dataset.position));
      grid.focus({ preventScroll: true });
    });
  }

  private get rowHeight(): number {
    return this.options.rowHeight ?? 28;
  }

  /** Replaces the rows (already filtered); keeps the selection on `keep` when it is still there. */
  setRows(rows: readonly Row[], keep?: (row: Row) => boolean): void {
    this.rows = rows;
    this.grid.setAttribute("aria-rowcount", String(rows.length + 1));
    this.body.style.height = `${rows.length * this.rowHeight}px`;
    const found = keep ? rows.findIndex(keep) : -1;
    this.selectedPosition = found !== -1 ? found : Math.min(this.selectedPosition, rows.length - 1);
    this.redrawAll();
  }

  /** Redraws the rows on screen (their data changed in place). */
  refresh(): void {
    this.redrawAll();
  }

  get selected(): Row | undefined {
    return this.rows[this.selectedPosition];
  }

  /** The rows on screen, first to last position (for the worker's priority). */
  visibleRange(): { first: number; last: number } {
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const count = Math.ceil((this.viewHeight() || 400) / this.rowHeight) + 1;
    return { first, last: Math.min(this.rows.length - 1, first + count) };
  }

  rowsOnScreen(): readonly Row[] {
    const { first, last } = this.visibleRange();
    return this.rows.slice(first, last + 1);
  }

  select(position: number, notify = true): void {
    if (this.rows.length === 0) return;
    this.selectedPosition = Math.max(0, Math.min(position, this.rows.length - 1));
    this.scrollIntoView(this.selectedPosition);
    this.redrawAll();
    const row = this.rows[this.selectedPosition];
    if (notify && row !== undefined) this.options.onSelect(row);
  }

  selectWhere(match: (row: Row) => boolean, notify = false): boolean {
    const position = this.rows.findIndex(match);
    if (position === -1) return false;
    this.select(position, notify);
    return true;
  }

  /** The height of the rows' window (the grid's height below its sticky head). */
  private viewHeight(): number {
    return this.windowHeight;
  }

  private onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewHeight() / this.rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.selectedPosition + 1,
      ArrowUp: this.selectedPosition - 1,
      PageDown: this.selectedPosition + page,
      PageUp: this.selectedPosition - page,
      Home: 0,
      End: this.rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    this.select(target);
  }

  private scrollIntoView(position: number): void {
    const top = position * this.rowHeight;
    const { scrollTop } = this;
    const height = this.viewHeight();
    if (top < scrollTop) this.scrollTo(top);
    else if (top + this.rowHeight > scrollTop + height) this.scrollTo(top + this.rowHeight - height);
  }

  private scrollTo(top: number): void {
    this.grid.scrollTop = top;
    this.scrollTop = Math.max(0, top);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw(false);
    });
  }

  private redrawAll(): void {
    this.draw(true);
  }

  /**
   * Draws the window of rows around the viewport (with a margin). Row elements are kept and refilled
   * in place, never replaced while on screen, so that a click that lands while results stream in
   * (mousedown on one frame, mouseup on the next) still reaches its row.
   */
  private draw(force: boolean): void {
    const { first, last } = this.visibleRange();
    const from = Math.max(0, first - 10);
    const to = Math.min(this.rows.length - 1, last + 10);
    const keep = new Map<number, HTMLElement>();
    const spare: HTMLElement[] = [];
    for (const [position, element] of this.drawn) {
      if (position < from || position > to) spare.push(element);
      else keep.set(position, element);
    }
    for (let position = from; position <= to; position++) {
      const row = this.rows[position];
      if (row === undefined) continue;
      let element = keep.get(position);
      if (element && !force) continue;
      if (!element) {
        element = spare.pop() ?? this.newRowElement();
        if (!element.isConnected) this.body.append(element);
        keep.set(position, element);
      }
      this.fill(element, row, position);
    }
    for (const element of spare) element.remove();
    for (const [position, element] of keep)
      if (this.rows[position] === undefined) {
        element.remove();
        keep.delete(position);
      }
    this.drawn = keep;
    const selected = keep.get(this.selectedPosition);
    if (selected) this.grid.setAttribute("aria-activedescendant", selected.id);
    else this.grid.removeAttribute("aria-activedescendant");
  }

  private newRowElement(): HTMLElement {
    const element = document.createElement("div");
    element.setAttribute("role", "row");
    for (const _column of this.columns) {
      const cell = document.createElement("div");
      cell.setAttribute("role", "gridcell");
      element.append(cell);
    }
    return element;
  }

  private fill(element: HTMLElement, row: Row, position: number): void {
    element.setAttribute("aria-rowindex", String(position + 2));
    element.id = `${this.options.idPrefix}-${position}`;
    element.dataset.position = String(position);
    element.className = `vgrid-row ${this.options.rowClass?.(row) ?? ""}`;
    element.style.transform = `translateY(${position * this.rowHeight}px)`;
    element.setAttribute("aria-selected", String(position === this.selectedPosition));
    this.columns.forEach((column, index) => {
      const cell = element.children[index] as HTMLElement;
      const text = column.text(row);
      if (cell.textContent !== text) {
        cell.textContent = text;
        cell.title = text;
      }
      cell.className = column.className?.(row) ?? "";
    });
  }
}
