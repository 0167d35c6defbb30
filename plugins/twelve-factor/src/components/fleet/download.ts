/** Saves a blob as a file through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked after the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Today's date as YYYY-MM-DD, for file names. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
