/**
 * Bytes a database takes per response: a copy of a local D1's files (the server keeps
 * running) opened with Node's SQLite, its pages summed by table and index (dbstat).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface Storage {
  responses: number;
  answers: number;
  bytes: number;
  bytes_per_response: number;
  /** Each table and index, largest first. */
  objects: { name: string; bytes: number }[];
}

export function storageOf(persistDir: string): Storage {
  const d1 = path.join(persistDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(d1).find((f) => f.endsWith('.sqlite') && !f.startsWith('metadata'));
  if (!file) throw new Error(`no database in ${d1}`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'relais-storage-'));
  try {
    for (const suffix of ['', '-wal']) {
      try {
        copyFileSync(path.join(d1, file + suffix), path.join(tmp, `db.sqlite${suffix}`));
      } catch {
        // no write-ahead log
      }
    }
    const db = new DatabaseSync(path.join(tmp, 'db.sqlite'));
    try {
      db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      const objects = db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC`).all() as {
        name: string;
        bytes: number;
      }[];
      const count = (table: string) => Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
      const responses = count('responses');
      const bytes = objects.reduce((s, o) => s + Number(o.bytes), 0);
      return {
        responses,
        answers: count('answers'),
        bytes,
        bytes_per_response: bytes / Math.max(responses, 1),
        objects: objects.map((o) => ({ name: o.name, bytes: Number(o.bytes) })),
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
