/**
 * Where a streamed report keeps what it has written of each target until the document's head can be known
 * (counts, the rules reported): records added one by one and read back in order, as often as needed. The
 * CLI's spool is a temporary file (src/cli/spool.ts), so a run of 50,000 configs holds none of it in memory.
 */
export interface Spool {
  add(record: string): void;
  /** Every record, in the order added; may be called again. */
  forEach(each: (record: string) => void): void;
  /** Frees what the spool holds (its file); it is not used after. */
  close(): void;
}

export type SpoolFactory = () => Spool;

/** A spool in memory: for tests and small runs, and where no temporary file can be written. */
export function memorySpool(): Spool {
  let records: string[] = [];
  return {
    add: (record) => {
      records.push(record);
    },
    forEach: (each) => {
      for (const r of records) each(r);
    },
    close: () => {
      records = [];
    },
  };
}
