/**
 * The JavaScript work of results and brief, measured apart from D1: the handlers' own code
 * (src/results, src/brief) runs in this Node process against a D1 stand-in that first records
 * every statement's rows from the floor (same database), then replays them from memory. The
 * replay's time is then JavaScript only: shaping, suppression, ranking, JSON. V8 in Node and
 * in workerd are close relatives; process CPU time is reported besides wall time, since the
 * machine may be busy with other work.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../scripts/wrangler.ts';
import { median } from './load.ts';

type Rows = Record<string, unknown>[];

/** The part of D1's interface the handlers use. */
class ReplayDb {
  readonly cache = new Map<string, Rows>();
  recording = true;
  statements = 0;
  private readonly fetchRows: (sql: string, args: unknown[]) => Promise<Rows>;
  constructor(fetchRows: (sql: string, args: unknown[]) => Promise<Rows>) {
    this.fetchRows = fetchRows;
  }

  async rows(sql: string, args: unknown[]): Promise<Rows> {
    this.statements++;
    const key = `${sql}\u0000${JSON.stringify(args)}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (!this.recording) throw new Error(`replay: statement not recorded: ${sql.slice(0, 80)}`);
    const rows = await this.fetchRows(sql, args);
    this.cache.set(key, rows);
    return rows;
  }

  prepare(sql: string) {
    return new ReplayStatement(this, sql, []);
  }

  batch(statements: ReplayStatement[]) {
    return Promise.all(statements.map((s) => s.all()));
  }
}

class ReplayStatement {
  private readonly db: ReplayDb;
  private readonly sql: string;
  private readonly args: unknown[];
  constructor(db: ReplayDb, sql: string, args: unknown[]) {
    this.db = db;
    this.sql = sql;
    this.args = args;
  }
  bind(...args: unknown[]) {
    return new ReplayStatement(this.db, this.sql, args);
  }
  async all() {
    return { results: await this.db.rows(this.sql, this.args), success: true, meta: {} };
  }
  async first() {
    return (await this.db.rows(this.sql, this.args))[0] ?? null;
  }
  async run() {
    return this.all();
  }
}

const load = (file: string) => import(pathToFileURL(path.join(ROOT, file)).href);

export interface JsTime {
  iterations: number;
  wall_median_ms: number;
  cpu_median_ms: number;
  payload_bytes: number;
  statements: number;
}

async function time(iterations: number, db: ReplayDb, work: () => Promise<string>): Promise<JsTime> {
  const payload = await work(); // records the rows
  db.recording = false;
  db.statements = 0;
  for (let i = 0; i < 3; i++) await work(); // warm-up
  const statements = db.statements / 3;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { iterations, wall_median_ms: median(wall), cpu_median_ms: median(cpu), payload_bytes: payload.length, statements };
}

/** The JSON results of a survey and the JSON brief of its session, as the routes compute them. */
export async function replayJs(
  fetchRows: (sql: string, args: unknown[]) => Promise<Rows>,
  organisationId: number,
  surveyId: number,
  sessionId: number,
  iterations = 20,
): Promise<{ results: JsTime; brief: JsTime }> {
  const q = await load('src/results/results.queries.ts');
  const r = await load('src/results/results.ts');
  const st = await load('src/domain/survey-status.ts');
  const m = await load('src/i18n/results/index.ts');
  // The Worker reads its message catalogues from public/i18n/ (src/i18n/catalogue.ts); here, from disk.
  const { CATALOGUES } = await load('src/i18n/catalogues.ts');
  const c = await load('src/i18n/catalogue.ts');
  c.installCatalogues(
    Object.fromEntries(
      Object.entries(CATALOGUES as Record<string, string>).map(([l, url]) => [l, readFileSync(path.join(ROOT, 'public', url), 'utf8')]),
    ),
  );
  const b = await load('src/brief/brief.ts');
  const g = await load('src/domain/disclosure.ts');
  // As a workspace cookie reads them (the coordinator verified before): the key's check in the batch is D1's work, not JavaScript's.
  const scope = (await load('src/coordinators/key-scope.ts')).coordinatorScope({ id: 0, organisationId, email: '' });

  const resultsDb = new ReplayDb(fetchRows);
  // src/results/results.routes.tsx, format=json, without a question filter.
  const results = await time(iterations, resultsDb, async () => {
    const { ctx, def, agg } = await q.surveyResultsData(resultsDb, scope, surveyId);
    const language = ctx.language;
    const t = m.resultsMessages(language);
    const shaped = r.shapeResults(
      ctx,
      g.gateSurvey(agg, def, g.effectiveMinimum(ctx.min_group_size, ctx.anonymous === 1)),
      language,
      { notStated: t.notStated, otherGroups: t.otherGroups },
      st.effectiveStatus(ctx.status, ctx.closes_at),
    );
    return JSON.stringify(shaped);
  });

  const briefDb = new ReplayDb(fetchRows);
  const brief = await time(iterations, briefDb, async () => JSON.stringify(await b.loadBrief(briefDb, scope, sessionId)));
  return { results, brief };
}
