import pg from 'pg';
import type { NoticeMessage } from 'pg-protocol/dist/messages.js';

/** One node of a PostgreSQL JSON plan. */
export interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** A statement's plan as auto_explain reports it. */
export interface ExplainedStatement {
  query: string;
  plan: PlanNode;
}

/** Every node of a plan, depth first. */
export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Shared buffers (hit + read) the plan's root reports, which include its children's. */
export function sharedBuffers(node: PlanNode): number {
  return (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0);
}

/**
 * Runs `sql` as a real API role and returns the plans of every statement it ran, including
 * statements nested inside functions, with buffer counts (auto_explain at NOTICE level; no
 * timings). The connection must be a superuser's (to LOAD auto_explain); the statement itself
 * runs after `SET ROLE authenticated` with the given JWT claims, so RLS applies.
 */
export async function explainAsUser(
  client: pg.Client,
  claims: Record<string, unknown>,
  sql: string,
  params: unknown[] = [],
): Promise<ExplainedStatement[]> {
  const plans: ExplainedStatement[] = [];
  const onNotice = (notice: NoticeMessage) => {
    const text = notice.message ?? '';
    const start = text.indexOf('{');
    if (!text.startsWith('duration:') || start < 0) return;
    const parsed = JSON.parse(text.slice(start)) as { 'Query Text': string; Plan: PlanNode };
    plans.push({ query: parsed['Query Text'], plan: parsed.Plan });
  };
  client.on('notice', onNotice);
  try {
    await client.query('begin');
    await client.query(`load 'auto_explain'`);
    for (const setting of [
      `set local auto_explain.log_min_duration = 0`,
      `set local auto_explain.log_analyze = on`,
      `set local auto_explain.log_buffers = on`,
      `set local auto_explain.log_timing = off`,
      `set local auto_explain.log_nested_statements = on`,
      `set local auto_explain.log_format = 'json'`,
      `set local auto_explain.log_level = 'notice'`,
    ]) {
      await client.query(setting);
    }
    await client.query(`select set_config('request.jwt.claims', $1, true)`, [
      JSON.stringify(claims),
    ]);
    await client.query('set local role authenticated');
    await client.query(sql, params);
  } finally {
    await client.query('rollback');
    client.off('notice', onNotice);
  }
  return plans;
}
