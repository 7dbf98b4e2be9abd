import type pg from 'pg';

/**
 * The `public` schema as SQL statements, read from PostgreSQL's catalog. We write our own because
 * the embedded PostgreSQL 18 ships no pg_dump and Debian 12's pg_dump (15) refuses a newer server
 * (docs/operations.md, "Backups and restore"). It covers what Strapi and our migrations create:
 * sequences, tables (partitioned ones and their partitions), defaults, generated columns,
 * constraints, indexes, functions and triggers. Any other kind of object stops the backup rather
 * than being lost.
 */
export interface Schema {
  /** Functions, sequences and tables: run before the data is loaded. */
  before: string[];
  /** Constraints, indexes and triggers: run after, as pg_dump does, so loading is not slowed. */
  after: string[];
  /** Tables that hold rows (leaf tables and partitions), with the columns COPY writes. */
  tables: Array<{ name: string; columns: string[] }>;
  /** Every sequence, to set to its value after the rows are loaded. */
  sequences: string[];
}

export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

const IN_PUBLIC = `relnamespace = 'public'::regnamespace`;

async function rows<T>(client: pg.ClientBase, sql: string): Promise<T[]> {
  return (await client.query(sql)).rows as T[];
}

async function refuseUnknownObjects(client: pg.ClientBase): Promise<void> {
  const unknown = await rows<{ what: string }>(
    client,
    `select relkind::text || ' ' || relname as what from pg_class where ${IN_PUBLIC} and relkind in ('v', 'm', 'f', 'c')
     union all select 'type ' || typname from pg_type where typnamespace = 'public'::regnamespace and typtype in ('e', 'd', 'r', 'm')
     union all select 'extension ' || extname from pg_extension where extname <> 'plpgsql'`,
  );
  if (unknown.length > 0) {
    throw new Error(`The backup does not know how to copy: ${unknown.map((row) => row.what).join(', ')}`);
  }
}

/** Functions not owned by an extension; bodies are not checked on restore (check_function_bodies off). */
async function functions(client: pg.ClientBase): Promise<string[]> {
  const found = await rows<{ def: string }>(
    client,
    `select pg_get_functiondef(p.oid) as def from pg_proc p
     where pronamespace = 'public'::regnamespace and prokind in ('f', 'p')
       and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     order by proname, p.oid`,
  );
  return found.map((row) => `${row.def};`);
}

/** Sequences other than identity columns' (those come with their table). */
async function sequences(client: pg.ClientBase): Promise<{ create: string[]; owned: string[]; all: string[] }> {
  const found = await rows<{
    name: string;
    type: string;
    start: string;
    inc: string;
    min: string;
    max: string;
    cache: string;
    cycle: boolean;
    identity: boolean;
    owner: string | null;
  }>(
    client,
    `select c.relname as name, format_type(s.seqtypid, null) as type, s.seqstart as start, s.seqincrement as inc,
            s.seqmin as min, s.seqmax as max, s.seqcache as cache, s.seqcycle as cycle,
            exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'i') as identity,
            (select quote_ident(t.relname) || '.' || quote_ident(a.attname) from pg_depend d
               join pg_class t on t.oid = d.refobjid join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
              where d.objid = c.oid and d.deptype = 'a' and d.classid = 'pg_class'::regclass) as owner
       from pg_sequence s join pg_class c on c.oid = s.seqrelid where c.${IN_PUBLIC} order by c.relname`,
  );
  const plain = found.filter((seq) => !seq.identity);
  return {
    create: plain.map(
      (s) =>
        `create sequence ${ident(s.name)} as ${s.type} increment ${s.inc} minvalue ${s.min} maxvalue ${s.max} start ${s.start} cache ${s.cache}${s.cycle ? ' cycle' : ''};`,
    ),
    owned: plain.filter((s) => s.owner).map((s) => `alter sequence ${ident(s.name)} owned by ${s.owner};`),
    all: found.map((s) => s.name),
  };
}

interface Column {
  table: string;
  name: string;
  type: string;
  notNull: boolean;
  def: string | null;
  identity: string;
  generated: string;
}

function columnSql(column: Column): string {
  const parts = [ident(column.name), column.type];
  if (column.generated === 's') parts.push(`generated always as (${column.def}) stored`);
  else if (column.generated === 'v') parts.push(`generated always as (${column.def}) virtual`);
  else if (column.identity) parts.push(`generated ${column.identity === 'a' ? 'always' : 'by default'} as identity`);
  else if (column.def !== null) parts.push(`default ${column.def}`);
  if (column.notNull) parts.push('not null');
  return parts.join(' ');
}

async function tables(client: pg.ClientBase): Promise<{ create: string[]; loaded: Schema['tables'] }> {
  const found = await rows<{ name: string; kind: string; partitionOf: string | null; bound: string | null; partitionKey: string | null }>(
    client,
    `select c.relname as name, c.relkind as kind,
            (select p.relname from pg_inherits i join pg_class p on p.oid = i.inhparent where i.inhrelid = c.oid) as "partitionOf",
            pg_get_expr(c.relpartbound, c.oid) as bound,
            case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as "partitionKey"
       from pg_class c where c.${IN_PUBLIC} and c.relkind in ('r', 'p') order by c.relispartition, c.relname`,
  );
  const columns = await rows<Column>(
    client,
    `select c.relname as table, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as "notNull",
            pg_get_expr(d.adbin, d.adrelid) as def, a.attidentity as identity, a.attgenerated as generated
       from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where c.${IN_PUBLIC} and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped order by c.relname, a.attnum`,
  );
  const columnsOf = (table: string) => columns.filter((column) => column.table === table);
  const create = found.map((table) => {
    const partitioned = table.partitionKey ? ` partition by ${table.partitionKey}` : '';
    if (table.partitionOf)
      return `create table ${ident(table.name)} partition of ${ident(table.partitionOf)} ${table.bound}${partitioned};`;
    return `create table ${ident(table.name)} (\n  ${columnsOf(table.name).map(columnSql).join(',\n  ')}\n)${partitioned};`;
  });
  const loaded = found
    .filter((table) => table.kind === 'r')
    .map((table) => ({
      name: table.name,
      columns: columnsOf(table.name)
        .filter((column) => !column.generated)
        .map((column) => column.name),
    }));
  return { create, loaded };
}

/** Constraints declared on the table itself; a partition's copies come from its parent's. */
async function constraints(client: pg.ClientBase): Promise<string[]> {
  const found = await rows<{ table: string; name: string; def: string }>(
    client,
    `select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as def
       from pg_constraint k join pg_class c on c.oid = k.conrelid
      where c.${IN_PUBLIC} and k.contype in ('p', 'u', 'c', 'x', 'f') and k.conislocal and k.conparentid = 0
      order by k.contype = 'f', c.relname, k.conname`,
  );
  return found.map((k) => `alter table ${ident(k.table)} add constraint ${ident(k.name)} ${k.def};`);
}

/**
 * Indexes that no constraint creates, without a partitioned index's per-partition copies: the
 * catalog writes a partitioned table's index `ON ONLY` it, and without ONLY it is created on every
 * partition again, as it was when the partitions were made.
 */
async function indexes(client: pg.ClientBase): Promise<string[]> {
  const found = await rows<{ def: string }>(
    client,
    `select case when t.relkind = 'p' then replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') else pg_get_indexdef(i.indexrelid) end as def
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
      where c.${IN_PUBLIC}
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
        and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)
      order by c.relname`,
  );
  return found.map((row) => `${row.def};`);
}

async function triggers(client: pg.ClientBase): Promise<string[]> {
  const found = await rows<{ def: string }>(
    client,
    `select pg_get_triggerdef(t.oid) as def from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where c.${IN_PUBLIC} and not t.tgisinternal and t.tgparentid = 0 order by c.relname, t.tgname`,
  );
  return found.map((row) => `${row.def};`);
}

/** Reads the schema; call it inside the transaction whose snapshot the rows are copied from. */
export async function readSchema(client: pg.ClientBase): Promise<Schema> {
  await refuseUnknownObjects(client);
  const seqs = await sequences(client);
  const tbls = await tables(client);
  return {
    before: [...(await functions(client)), ...seqs.create, ...tbls.create, ...seqs.owned],
    after: [...(await constraints(client)), ...(await indexes(client)), ...(await triggers(client))],
    tables: tbls.loaded,
    sequences: seqs.all,
  };
}
