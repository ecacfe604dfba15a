-- Quick create keeps the broker's words: create_session writes the first message in the same
-- transaction (or nothing at all), a retry writes it once, and an untitled general chat takes
-- its title from the first broker message of its main conversation, whichever call wrote it.
\ir helpers/setup.psql
select plan(16);

select pg_temp.add_brokers('alice', 'bob');
select pg_temp.act_as('alice');

-- A flight request with its first message --------------------------------------------------------
create temp table created as
select * from chat.create_session(pg_temp.id('ldn-dxb'), 'flight_request', 'LHR → DXB · 10 Jan · 4 pax',
  p_legs => '[{"from": "LHR", "to": "DXB", "date": "2027-01-10"}]', p_passengers => 4,
  p_first_message => 'London to  Dubai 10 Jan 4 pax', p_first_message_id => pg_temp.id('ldn-dxb:m1'));
select is((select (message_count, last_seq, last_message_preview, title)::text from created),
  '(1,1,"London to Dubai 10 Jan 4 pax","LHR → DXB · 10 Jan · 4 pax")',
  'create_session returns the session with its first message counted and previewed');
select is((select (id, seq, role, content, thread_id is null)::text from chat.messages where session_id = pg_temp.id('ldn-dxb')),
  format('(%s,1,broker,"London to  Dubai 10 Jan 4 pax",t)', pg_temp.id('ldn-dxb:m1')),
  'the first message is the broker''s, seq 1, with the client''s id and the text as typed');
select is((select (id, version, message_count)::text from chat.create_session(pg_temp.id('ldn-dxb'), 'flight_request', 'LHR → DXB',
  p_first_message => 'London to  Dubai 10 Jan 4 pax', p_first_message_id => pg_temp.id('ldn-dxb:m1'))),
  (select (id, version, message_count)::text from created), 'a retry returns the same session');
select is((select count(*) from chat.messages where session_id = pg_temp.id('ldn-dxb')), 1::bigint,
  'and writes no second message');

-- Atomic: a refused message leaves no session ---------------------------------------------------------
select is(pg_temp.error_of(format('select chat.create_session(%L, ''flight_request'', p_first_message => ''   '')',
  pg_temp.id('blank'))), 'PT400 validation', 'a blank first message is refused');
select is((select count(*) from chat.sessions where id = pg_temp.id('blank')), 0::bigint,
  'and the session is not created either');
select is(pg_temp.error_of(format('select chat.create_session(%L, ''general'', p_first_message_id => %L)',
  pg_temp.id('no-text'), pg_temp.id('no-text:m1'))), 'PT400 validation', 'a first message id without a message is refused');

-- A general question becomes a titled general chat ---------------------------------------------------
select is((select title from chat.create_session(pg_temp.id('question'), 'general',
  p_first_message => 'Hi team, can you resend the invoice for the Aspen trip last week please?')),
  'Can you resend the invoice for the Aspen trip last week…',
  'an untitled general chat created with a message is titled from it (greeting dropped, cut at a word)');

-- Untitled general chats take their title from the first broker message ------------------------------------
select '# general ' || id from chat.create_session(pg_temp.id('untitled'), 'general');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('untitled'), 'Hello, Is the   Citation X available?');
select is((select title from chat.sessions where id = pg_temp.id('untitled')), 'Is the Citation X available?',
  'the first broker message titles an untitled general chat');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('untitled'), 'second thoughts');
select is((select title from chat.sessions where id = pg_temp.id('untitled')), 'Is the Citation X available?',
  'a later message leaves the title alone');

select '# titled ' || id from chat.create_session(pg_temp.id('titled'), 'general', 'Ops questions');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('titled'), 'what is the crew rest rule?');
select is((select title from chat.sessions where id = pg_temp.id('titled')), 'Ops questions',
  'a titled general chat keeps its title');

select '# request ' || id from chat.create_session(pg_temp.id('request'), 'flight_request');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('request'), 'need a jet');
select is((select title from chat.sessions where id = pg_temp.id('request')), '',
  'a flight request is not titled from its messages');

select '# assistant ' || id from chat.create_session(pg_temp.id('assistant-first'), 'general');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('assistant-first'), 'Welcome! Ask me anything.', 'assistant');
select is((select title from chat.sessions where id = pg_temp.id('assistant-first')), '',
  'a message that is not the broker''s does not title the chat');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('assistant-first'), 'good morning everyone: what is FBO?');
select is((select title from chat.sessions where id = pg_temp.id('assistant-first')), 'What is FBO?',
  'the broker''s first message does');

select '# renamed ' || id from chat.create_session(pg_temp.id('one-word'), 'general');
select '# message ' || seq from chat.append_message(gen_random_uuid(), pg_temp.id('one-word'), repeat('x', 80));
select is((select title from chat.sessions where id = pg_temp.id('one-word')), repeat('X', 1) || repeat('x', 58) || '…',
  'one long word is cut at the limit');

-- Another broker's session is out of reach -----------------------------------------------------------
select pg_temp.act_as('bob');
select is(pg_temp.error_of(format('select chat.create_session(%L, ''flight_request'', p_first_message => ''mine now'')',
  pg_temp.id('ldn-dxb'))), 'PT409 conflict', 'bob reusing alice''s session id gets a conflict, not her session');

select * from finish();
rollback;
