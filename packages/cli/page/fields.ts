/** The page's input fields: textareas (paste, drop or choose a file) and the published values. */
export const TEXT_FIELDS = ["certificate", "list", "receipt", "contest", "chain"] as const;
/** A textarea of the page. */
export type TextField = (typeof TEXT_FIELDS)[number];

/** The largest file the page reads into a field (a list of a million entrants is ~60 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** What the organiser published before entries closed, as typed in the page. */
export interface PublishedValues {
  readonly specHash: string;
  readonly listRoot: string;
}

/** The raw texts of every field, trimmed; "" for an empty one. */
export interface PageTexts extends PublishedValues {
  readonly certificate: string;
  readonly list: string;
  readonly receipt: string;
  readonly contest: string;
  readonly chain: string;
  /** The file each textarea was filled from (the drop or the file button), when it was not typed or pasted. */
  readonly files: Readonly<Partial<Record<TextField, string>>>;
}

function element<T extends HTMLElement>(doc: Document, id: string, kind: new () => T): T {
  const el = doc.getElementById(id);
  if (!(el instanceof kind)) throw new Error(`verify page: #${id} is missing from the page`);
  return el;
}

/** The textarea of a field. */
export function textarea(doc: Document, field: TextField): HTMLTextAreaElement {
  return element(doc, field, HTMLTextAreaElement);
}

/** Reads every field of the page. */
export function readTexts(doc: Document): PageTexts {
  const value = (id: string): string => element(doc, id, HTMLInputElement).value.trim();
  // trim() drops a byte-order mark too (it is not part of the JSON; the CLI drops it as well)
  const text = (field: TextField): string => textarea(doc, field).value.trim();
  const files: Partial<Record<TextField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const name = textarea(doc, field).dataset.file;
    if (name !== undefined) files[field] = name;
  }
  return {
    files,
    certificate: text("certificate"),
    list: text("list"),
    receipt: text("receipt"),
    contest: text("contest"),
    chain: text("chain"),
    specHash: value("specHash"),
    listRoot: value("listRoot"),
  };
}

/**
 * Makes every field accept a dropped file and a chosen file: the file's text goes into the
 * field's textarea and `onLoaded` runs (the page then verifies); a file that is too large or
 * cannot be read goes to `onFileError` instead. A drop anywhere else on the
 * page is cancelled, so that the browser does not navigate away to the dropped file.
 */
export function wireFiles(
  doc: Document,
  onLoaded: () => void,
  onFileError: (field: TextField, fileName: string, reason: "too_large" | "unreadable") => void,
): void {
  const load = async (field: TextField, file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      onFileError(field, file.name, "too_large");
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      onFileError(field, file.name, "unreadable");
      return;
    }
    const area = textarea(doc, field);
    area.value = text;
    area.dataset.file = file.name;
    onLoaded();
  };
  for (const field of TEXT_FIELDS) {
    const area = textarea(doc, field);
    area.addEventListener("input", () => delete area.dataset.file);
    const input = element(doc, `${field}-file`, HTMLInputElement);
    input.addEventListener("change", () => {
      void load(field, input.files?.[0]);
      input.value = "";
    });
    const zone = doc.querySelector<HTMLElement>(`[data-drop="${field}"]`);
    if (!zone) throw new Error(`verify page: the drop zone of ${field} is missing`);
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      event.stopPropagation();
      zone.classList.remove("dragging");
      const file = event.dataTransfer?.files[0];
      if (file) void load(field, file);
      else {
        const text = event.dataTransfer?.getData("text/plain");
        if (text) {
          area.value = text;
          delete area.dataset.file;
          onLoaded();
        }
      }
    });
  }
  doc.addEventListener("dragover", (event) => event.preventDefault());
  doc.addEventListener("drop", (event) => event.preventDefault());
}
