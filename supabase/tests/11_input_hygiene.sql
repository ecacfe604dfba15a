-- Text that displays as something else, or as nothing: bidirectional controls in titles and
-- operator names (stripped), stacked combining marks (refused), white-space-only messages
-- (refused), NUL (never reaches a function). Through the API and through the tables alike.
\ir helpers/setup.psql
select plan(17);

select pg_temp.add_brokers('alice');
select pg_temp.act_as('alice');

-- Bidirectional controls ------------------------------------------------------------------------
-- "invoice<RLO>gpj.exe" renders as "invoiceexe.jpg" where the override is honoured.
select is((select title from chat.create_session(pg_temp.id('rlo'), 'general', E'invoice\u202Egpj.exe')),
  'invoicegpj.exe', 'create_session strips a right-to-left override from the title');
select is((select title from chat.update_session(pg_temp.id('rlo'),
    jsonb_build_object('title', E'\u2067Deal\u2069 \u202Aone\u202C \u200E\u200F\u061Cx\u202B\u202D'))),
  'Deal one x', 'update_session strips isolates, embeddings and marks');
select is(pg_temp.error_of(format('update chat.sessions set title = %L where id = %L', E'\u202E  spaced  \u202E', pg_temp.id('rlo'))),
  'no error', 'a direct update of the title ...');
select is((select title from chat.sessions where id = pg_temp.id('rlo')), 'spaced',
  '... is stripped too, then trimmed');
select is((select title from chat.create_session(pg_temp.id('only-controls'), 'general', E'\u202E\u202E')), '',
  'a title of controls only becomes empty, like a blank one');
select is((select operator_name from chat.open_operator_thread(pg_temp.id('op-thread'), pg_temp.id('rlo'), E'Jet\u202E Edge')),
  'Jet Edge', 'operator names are stripped');
select is(pg_temp.error_of(format('select chat.open_operator_thread(gen_random_uuid(), %L, %L)', pg_temp.id('rlo'), E'\u202E\u2066')),
  'PT400 validation', 'an operator name of controls only is empty, and refused');
select is((select title from chat.create_session(pg_temp.id('hebrew'), 'general', 'שלום TEB')), 'שלום TEB',
  'right-to-left text itself is kept');

-- Combining marks --------------------------------------------------------------------------------
select is((select title from chat.create_session(pg_temp.id('viet'), 'general', E'Vie\u0323\u0302t Nam')),
  E'Vie\u0323\u0302t Nam', 'two marks on a letter (Vietnamese, decomposed) are fine');
select is(pg_temp.error_of(format('select chat.create_session(gen_random_uuid(), ''general'', %L)',
    'Z' || repeat(E'\u0336\u0301\u0317', 2))),
  'PT400 validation', 'a title stacking six marks on one letter is refused');
select is(pg_temp.error_of(format('insert into chat.sessions (id, kind, title) values (gen_random_uuid(), ''general'', %L)',
    'Z' || repeat(E'\u0300', 5))),
  'PT400 validation', 'through the table too');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, %L)', pg_temp.id('viet'),
    'he' || repeat(E'\u0315\u20d2', 3) || 'llo')),
  'PT400 validation', 'a message stacking marks is refused');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, %L)', pg_temp.id('viet'),
    repeat(E'e\u0301\u0302', 100))),
  'no error', 'many letters with a few marks each are fine');

-- White space ---------------------------------------------------------------------------------------
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, %L)', pg_temp.id('viet'),
    E' \t\n\r\u00A0\u2003\u200B\u3000\uFEFF')),
  'PT400 validation', 'a message of white space only (Unicode spaces included) is refused');
select is(pg_temp.error_of(format('insert into chat.messages (id, session_id, role, content) values (gen_random_uuid(), %L, ''broker'', ''   '')',
    pg_temp.id('viet'))),
  'PT400 validation', 'through the table too');
select is((select content from chat.append_message(gen_random_uuid(), pg_temp.id('viet'), E'  ok\n')), E'  ok\n',
  'a message with text keeps its white space as written');

-- NUL ------------------------------------------------------------------------------------------------
-- PostgreSQL text cannot hold U+0000: PostgREST's decoding of the arguments (and a jsonb
-- argument's own parsing) fails with 22P05 before any function runs, so no rule here can see
-- it. The HTTP answer is a 400 with that SQLSTATE (22021 for a raw NUL byte), which the SDK
-- reports as its `validation` code (test/integration/gateway-tables.test.ts).
select is(pg_temp.error_of(format('select chat.update_session(%L, %L::jsonb)', pg_temp.id('viet'), '{"title": "a\u0000b"}')),
  '22P05 \u0000 cannot be converted to text.', 'a NUL escape in a JSON argument fails while decoding it (22P05), before the function');

select * from finish();
rollback;
