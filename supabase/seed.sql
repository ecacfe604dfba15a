-- Demo data for local development and the demo page: two brokers with realistic pipelines.
-- Re-runnable: it first removes everything of the two demo brokers (this is how the demo's
-- "reset" works). Dates are relative to today so the demo never looks stale.
-- Runs as the database owner (supabase db reset, the local backend, tests), so it may set
-- timestamps that API users never can; counters are still kept by the triggers.

insert into auth.users (id, email, raw_user_meta_data) values
  ('11111111-1111-4111-8111-111111111111', 'ava.morgan@skyline-charter.example', '{"full_name": "Ava Morgan"}'),
  ('22222222-2222-4222-8222-222222222222', 'ben.okafor@skyline-charter.example', '{"full_name": "Ben Okafor"}')
on conflict (id) do nothing;

delete from chat.sessions where owner_id in ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');
delete from chat.tombstones where owner_id in ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');
delete from chat.owner_state where owner_id in ('11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222');

create or replace function pg_temp.leg(p_from text, p_to text, p_days integer, p_time text default null) returns jsonb
language sql immutable as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'from', p_from, 'to', p_to,
    'date', to_char(current_date + p_days, 'YYYY-MM-DD'),
    'time', p_time))
$$;

-- A session last active p_ago before now.
create or replace function pg_temp.session(
  p_id uuid, p_owner uuid, p_kind text, p_title text, p_ago interval,
  p_status text default 'active', p_trip_type text default null, p_legs jsonb default '[]',
  p_passengers integer default null, p_stage text default null, p_outcome text default null,
  p_before_archive text default null, p_pinned boolean default false, p_resume_at timestamptz default null,
  p_metadata jsonb default '{}'
) returns void language sql as $$
  insert into chat.sessions (id, owner_id, kind, title, status, status_before_archive, trip_type, legs,
    passengers, stage, outcome, pinned, resume_at, metadata, created_at, updated_at, last_activity_at,
    completed_at, archived_at)
  values (p_id, p_owner, p_kind, p_title, p_status, p_before_archive, p_trip_type, p_legs, p_passengers,
    case when p_kind = 'flight_request' then coalesce(p_stage, 'understanding_request') end,
    p_outcome, p_pinned, p_resume_at, p_metadata, now() - p_ago - interval '2 days', now() - p_ago,
    now() - p_ago,
    case when p_status = 'completed' or p_before_archive = 'completed' then now() - p_ago end,
    case when p_status = 'archived' then now() - p_ago end)
$$;

-- A message p_ago before now, in the main conversation or a thread.
create or replace function pg_temp.msg(p_session uuid, p_role text, p_content text, p_ago interval, p_thread uuid default null)
returns void language sql as $$
  insert into chat.messages (session_id, thread_id, role, content, created_at)
  values (p_session, p_thread, p_role, p_content, now() - p_ago)
$$;

create or replace function pg_temp.thread(p_id uuid, p_session uuid, p_operator text, p_ref text, p_ago interval)
returns void language sql as $$
  insert into chat.operator_threads (id, session_id, operator_name, external_ref, created_at, updated_at)
  values (p_id, p_session, p_operator, p_ref, now() - p_ago, now() - p_ago)
$$;

do $$
declare
  ava constant uuid := '11111111-1111-4111-8111-111111111111';
  ben constant uuid := '22222222-2222-4222-8222-222222222222';
  i integer;
begin
  ------------------------------------------------------------------ Ava's pipeline
  perform pg_temp.session('a0000000-0000-4000-8000-000000000001', ava, 'flight_request',
    'Hartley family — LA for the holidays', '12 minutes', 'active', 'round_trip',
    jsonb_build_array(pg_temp.leg('TEB', 'VNY', 17, '09:00'), pg_temp.leg('VNY', 'TEB', 20, '15:30')),
    6, 'requesting_quotes', p_pinned => true, p_metadata => '{"crmDealId": "D-1042"}');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'broker',
    -- The broker's words name the legs' own dates (relative to today, as the legs are).
    format('TEB to VNY %s, 6 pax, back on %s. Client prefers a super-midsize.',
      to_char(current_date + 17, 'Mon FMDD'), to_char(current_date + 20, 'Mon FMDD')), '3 hours');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'assistant', 'Round trip Teterboro → Van Nuys for 6 passengers. I will request quotes for super-midsize jets (Challenger 350, Citation Longitude, Praetor 600).', '2 hours 58 minutes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'broker', 'Send RFQs to our top three operators.', '2 hours 50 minutes');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'Summit Aviation', 'op-summit-4471', '2 hours 45 minutes');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'Blue Harbor Jets', 'op-bhj-118', '2 hours 45 minutes');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'Redline Charter', 'op-redline-77', '2 hours 45 minutes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'broker', 'Requesting a quote: TEB–VNY round trip, 6 pax, super-midsize.', '2 hours 44 minutes', 'a1000000-0000-4000-8000-000000000001');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'broker', 'Requesting a quote: TEB–VNY round trip, 6 pax, super-midsize.', '2 hours 44 minutes', 'a1000000-0000-4000-8000-000000000002');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'broker', 'Requesting a quote: TEB–VNY round trip, 6 pax, super-midsize.', '2 hours 44 minutes', 'a1000000-0000-4000-8000-000000000003');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'operator', 'Challenger 350 available both days. $58,400 all-in, WiFi, catering included.', '40 minutes', 'a1000000-0000-4000-8000-000000000001');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000001', 'operator', 'Praetor 600 available, $61,900. Can reposition from HPN.', '12 minutes', 'a1000000-0000-4000-8000-000000000002');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000002', ava, 'flight_request',
    'Luton to Nice, Cannes Lions', '50 minutes', 'active', 'one_way',
    jsonb_build_array(pg_temp.leg('LTN', 'NCE', 9, '11:15')), 4, 'searching_aircraft');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000002', 'broker', 'London Luton to Nice, 4 passengers, one way. Midsize is fine.', '55 minutes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000002', 'assistant', 'One way LTN → NCE for 4. Searching midsize and light jets based in the UK and France.', '50 minutes');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000003', ava, 'flight_request',
    'Palm Beach golf weekend', '2 hours', 'active', 'round_trip',
    jsonb_build_array(pg_temp.leg('HPN', 'PBI', 5), pg_temp.leg('PBI', 'HPN', 8)), 8, 'analyzing_options');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000003', 'broker', 'White Plains to Palm Beach, 8 golfers with clubs, back three days later.', '1 day');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000003', 'Atlantic Air Partners', 'op-aap-9', '1 day');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000003', 'Coastal Jet Group', 'op-cjg-31', '1 day');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000003', 'operator', 'Legacy 500 fits 8 with golf bags. $39,200.', '3 hours', 'a1000000-0000-4000-8000-000000000004');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000003', 'operator', 'We can do a Falcon 2000 for $44,750, larger baggage hold.', '2 hours', 'a1000000-0000-4000-8000-000000000005');
  update chat.operator_threads set last_read_seq = last_seq where id = 'a1000000-0000-4000-8000-000000000004';

  perform pg_temp.session('a0000000-0000-4000-8000-000000000004', ava, 'flight_request',
    'Vegas conference, tomorrow', '5 hours', 'active', 'one_way',
    jsonb_build_array(pg_temp.leg('VNY', 'LAS', 1, '07:30')), 3, 'proposal_ready');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000004', 'broker', 'KVNY to KLAS tomorrow 7:30am, 3 pax. Light jet.', '6 hours');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000004', 'assistant', 'Proposal ready: Phenom 300 at $9,850 and Citation CJ3+ at $9,200.', '5 hours');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000005', ava, 'flight_request',
    'Caribbean island hop', '1 day 3 hours', 'paused', 'multi_leg',
    jsonb_build_array(pg_temp.leg('TEB', 'MIA', 24), pg_temp.leg('MIA', 'SJU', 26), pg_temp.leg('SJU', 'TEB', 30)),
    10, 'proposal_sent', p_resume_at => now() - interval '1 hour');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000005', 'broker', 'TEB → MIA → SJU → TEB for 10, dates flexible by a day.', '3 days');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000005', 'assistant', 'Proposal sent with a Gulfstream G450 option. Client will confirm after the board meeting.', '1 day 3 hours');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000006', ava, 'flight_request',
    'Aspen ski week', '2 days', 'paused', 'round_trip',
    jsonb_build_array(pg_temp.leg('OPF', 'ASE', 35), pg_temp.leg('ASE', 'OPF', 42)), 5, 'contract_generated',
    p_resume_at => now() + interval '3 days');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000006', 'broker', 'Opa-locka to Aspen, 5 pax and skis, a week later back.', '4 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000007', ava, 'flight_request',
    'Geneva watch fair', '3 days', 'active', 'one_way',
    jsonb_build_array(pg_temp.leg('LFPB', 'LSGG', 12, '10:00')), 2, 'contract_sent');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000007', 'broker', 'Le Bourget to Geneva, 2 pax, Citation Mustang is enough.', '3 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000008', ava, 'flight_request',
    'Los Cabos anniversary', '4 days', 'active', 'round_trip',
    jsonb_build_array(pg_temp.leg('SFO', 'SJD', 14), pg_temp.leg('SJD', 'SFO', 19)), 7, 'payment_pending');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000008', 'broker', 'Contract signed for SFO–SJD. Waiting on the wire.', '4 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000009', ava, 'flight_request',
    'Dallas to Houston shuttle', '6 days', 'completed', 'one_way',
    jsonb_build_array(pg_temp.leg('DAL', 'HOU', -5)), 4, 'closed_won', 'won');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000009', 'broker', 'Flight completed, client happy. Closing.', '6 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000010', ava, 'flight_request',
    'Nantucket day trip', '9 days', 'completed', 'one_way',
    jsonb_build_array(pg_temp.leg('BOS', 'ACK', -8)), 2, 'understanding_request', 'lost');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000010', 'broker', 'Client booked with another broker.', '9 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000011', ava, 'flight_request',
    'Chicago board meeting', '20 days', 'archived', 'round_trip',
    jsonb_build_array(pg_temp.leg('MDW', 'TEB', -30), pg_temp.leg('TEB', 'MDW', -29)), 6, 'proposal_sent', 'cancelled',
    p_before_archive => 'completed');

  -- The long conversation (520 messages): pagination and scroll position are tested on it.
  perform pg_temp.session('a0000000-0000-4000-8000-000000000012', ava, 'general',
    'Catering standards for Gulfstream flights', '1 hour 30 minutes');
  for i in 1 .. 520 loop
    perform pg_temp.msg('a0000000-0000-4000-8000-000000000012',
      case when i % 2 = 1 then 'broker' else 'assistant' end,
      case when i % 2 = 1
        then format('Question %s: what should we specify for catering on a G650 with %s passengers?', (i + 1) / 2, 4 + i % 9)
        else format('Answer %s: confirm dietary needs 48 hours ahead, order from an FBO-approved caterer, and budget about $%s per guest.', i / 2, 140 + i % 60)
      end,
      interval '1 hour 30 minutes' + (520 - i) * interval '3 minutes');
  end loop;

  perform pg_temp.session('a0000000-0000-4000-8000-000000000013', ava, 'general',
    'Empty-leg pricing policy', '15 days', 'archived', p_before_archive => 'active');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000013', 'broker', 'How do we price empty legs against the operator''s floor?', '15 days');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000014', ava, 'general',
    'Insurance requirements for EU operators', '2 days 4 hours', 'paused');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000014', 'broker', 'What liability cover do we require from EU Part-CAT operators?', '2 days 4 hours');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000015', ava, 'general',
    'Old test chat', '12 days');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000015', 'broker', 'testing 1 2 3', '12 days');
  update chat.sessions set deleted_at = now() - interval '2 days' where id = 'a0000000-0000-4000-8000-000000000015';

  perform pg_temp.session('a0000000-0000-4000-8000-000000000016', ava, 'flight_request',
    'Vail Christmas ski trip', '8 hours', 'active', 'round_trip',
    jsonb_build_array(pg_temp.leg('SCF', 'EGE', 28), pg_temp.leg('EGE', 'SCF', 33)), 9, 'requesting_quotes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000016', 'broker', 'Scottsdale to Eagle/Vail, 9 pax with skis, Dec 23 – Dec 28.', '9 hours');
  perform pg_temp.thread('a1000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000016', 'Mountain West Jets', 'op-mwj-5', '9 hours');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000016', 'operator', 'Citation X with ski tubes: $47,300. Holding the aircraft until tomorrow.', '8 hours', 'a1000000-0000-4000-8000-000000000006');

  perform pg_temp.session('a0000000-0000-4000-8000-000000000017', ava, 'general',
    'Question about de-icing fees', '20 minutes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000017', 'broker', 'Who pays de-icing when the operator quotes all-in?', '25 minutes');
  perform pg_temp.msg('a0000000-0000-4000-8000-000000000017', 'assistant', 'Usually the client: de-icing is billed at cost on top of all-in quotes unless the contract says otherwise.', '20 minutes');

  ------------------------------------------------------------------ Ben's pipeline
  perform pg_temp.session('b0000000-0000-4000-8000-000000000001', ben, 'flight_request',
    'Rome fashion week', '30 minutes', 'active', 'one_way',
    jsonb_build_array(pg_temp.leg('LBG', 'FCO', 6, '08:00')), 5, 'requesting_quotes');
  perform pg_temp.msg('b0000000-0000-4000-8000-000000000001', 'broker', 'Paris Le Bourget to Rome, 5 pax, heavy bags.', '35 minutes');
  perform pg_temp.thread('b1000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'Aero Lusso', 'op-al-2', '34 minutes');
  perform pg_temp.msg('b0000000-0000-4000-8000-000000000001', 'operator', 'Citation Sovereign available, EUR 14,200.', '30 minutes', 'b1000000-0000-4000-8000-000000000001');

  perform pg_temp.session('b0000000-0000-4000-8000-000000000002', ben, 'flight_request',
    'Dubai to London', '1 day', 'active', 'one_way',
    jsonb_build_array(pg_temp.leg('DXB', 'LTN', 10)), 12, 'analyzing_options');
  perform pg_temp.msg('b0000000-0000-4000-8000-000000000002', 'broker', 'DXB to Luton for 12, Global 6000 or larger.', '1 day');

  perform pg_temp.session('b0000000-0000-4000-8000-000000000003', ben, 'flight_request',
    'Sun Valley retreat', '3 days', 'paused', 'round_trip',
    jsonb_build_array(pg_temp.leg('SNA', 'SUN', 21), pg_temp.leg('SUN', 'SNA', 25)), 6, 'proposal_sent');

  perform pg_temp.session('b0000000-0000-4000-8000-000000000004', ben, 'general',
    'Pet travel rules on charters', '4 hours');
  perform pg_temp.msg('b0000000-0000-4000-8000-000000000004', 'broker', 'Can a client bring two dogs in the cabin to the UK?', '4 hours');

  perform pg_temp.session('b0000000-0000-4000-8000-000000000005', ben, 'flight_request',
    'Miami to Nassau', '11 days', 'completed', 'round_trip',
    jsonb_build_array(pg_temp.leg('OPF', 'NAS', -12), pg_temp.leg('NAS', 'OPF', -10)), 4, 'closed_won', 'won');
end
$$;

-- The helpers above live only for this connection; drop them so a long-lived connection (the
-- embedded database has one) can run the seed again.
drop function pg_temp.leg(text, text, integer, text);
drop function pg_temp.session(uuid, uuid, text, text, interval, text, text, jsonb, integer, text, text, text, boolean, timestamptz, jsonb);
drop function pg_temp.msg(uuid, text, text, interval, uuid);
drop function pg_temp.thread(uuid, uuid, text, text, interval);
