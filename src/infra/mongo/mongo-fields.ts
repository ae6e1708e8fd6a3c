/**
 * `required` for a string field that the contract lets be empty: mongoose's own required check
 * refuses "", so a value the API accepted would fail at the write (a 500). Present is enough.
 */
export const presentString = (path: string) =>
  function (this: object): boolean {
    return typeof (this as Record<string, unknown>)[path] !== 'string';
  };
