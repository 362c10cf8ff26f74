--
-- PostgreSQL database dump
--

\restrict c3AVmckntcPSLDMRXRHoxioQH5XK66EJ3Fgn3x12rEEahoAhjjqRWt8LyJ1l3ay

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: anp_articles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_articles (
    id bigint NOT NULL,
    reference character varying(64) NOT NULL,
    seed bigint NOT NULL,
    profile character varying(16) NOT NULL,
    schema_version smallint NOT NULL,
    generator_version character varying(16) NOT NULL,
    source_id character varying(64) NOT NULL,
    hash character varying(24) NOT NULL,
    title text NOT NULL,
    intro text NOT NULL,
    body text NOT NULL,
    topic text NOT NULL,
    summary text NOT NULL,
    ai_brief text NOT NULL,
    outline_context text NOT NULL,
    outline_problem text NOT NULL,
    outline_stack text NOT NULL,
    outline_action text NOT NULL,
    stack character varying(200) NOT NULL,
    area character varying(200) NOT NULL,
    language character varying(200) NOT NULL,
    code_language character varying(16) NOT NULL,
    difficulty character varying(16) NOT NULL,
    reading_time integer NOT NULL,
    view_count bigint NOT NULL,
    score_quality smallint NOT NULL,
    score_freshness smallint NOT NULL,
    score_depth smallint NOT NULL,
    score_clarity smallint NOT NULL,
    revision_status character varying(16) NOT NULL,
    revision_version character varying(16) NOT NULL,
    last_reviewed date NOT NULL,
    ai_generated_style boolean NOT NULL,
    has_images boolean NOT NULL,
    image_heavy boolean NOT NULL,
    needs_human_review boolean NOT NULL,
    generator character varying(200) NOT NULL,
    paragraphs integer NOT NULL,
    scenario text NOT NULL
);


--
-- Name: anp_entities; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_entities (
    article_id bigint NOT NULL,
    "position" smallint NOT NULL,
    name text NOT NULL,
    type character varying(32) NOT NULL
);


--
-- Name: anp_import_ledger; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_import_ledger (
    batch_key character varying(96) NOT NULL,
    run_id character varying(32) NOT NULL,
    batch_no integer NOT NULL,
    source text NOT NULL,
    first_seed bigint,
    last_seed bigint,
    first_line bigint,
    last_line bigint,
    rows_read integer NOT NULL,
    rows_inserted integer NOT NULL,
    rows_updated integer NOT NULL,
    rows_skipped integer NOT NULL,
    rows_rejected integer NOT NULL,
    on_conflict character varying(8) NOT NULL,
    tool_version character varying(16) NOT NULL,
    committed_at character varying(32) NOT NULL
);


--
-- Name: anp_post_meta; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_post_meta (
    article_id bigint NOT NULL,
    meta_key character varying(64) NOT NULL,
    "position" smallint NOT NULL,
    meta_value text NOT NULL
);


--
-- Name: anp_schema_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_schema_version (
    version integer NOT NULL,
    description text NOT NULL,
    applied_at character varying(32) NOT NULL
);


--
-- Name: anp_similar_posts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.anp_similar_posts (
    article_id bigint NOT NULL,
    "position" smallint NOT NULL,
    similar_id bigint NOT NULL,
    similar_seed bigint NOT NULL,
    similar_reference character varying(64) NOT NULL,
    similar_title text NOT NULL
);


--
-- Data for Name: anp_articles; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_articles (id, reference, seed, profile, schema_version, generator_version, source_id, hash, title, intro, body, topic, summary, ai_brief, outline_context, outline_problem, outline_stack, outline_action, stack, area, language, code_language, difficulty, reading_time, view_count, score_quality, score_freshness, score_depth, score_clarity, revision_status, revision_version, last_reviewed, ai_generated_style, has_images, image_heavy, needs_human_review, generator, paragraphs, scenario) FROM stdin;
4	anp-ref-000001-3682	1	realistic	1	1.0	alphanode-000001	9b7a5638d38a5e946abf5718	paying down old technical debt in rails applications without surprises	we wrote this after paying down old technical debt in rails applications turned out harder than expected before a busy product launch. the notes below are what we would do again.	[{"blocks":[{"text":"that concurrent deadlock and inventory-cache belong in the same rollback note. one new volunteer moved our vacuum run for every deadlock from sitemap_logs_v5 to notify/indexer.yaml behind the dashboard. at 834 batches per import, any unique deploy script rebuilds each unique constraint for the migration in about 5 pages. in our experience, rebuild the new blocking benchmark beside a staging copy; our maintainer will thank you after the reorg.","type":"paragraph"},{"text":"patiently, that data engineer audits your surprising least-privilege allow list after the backfill. pin that untrusted api token thoroughly, then trace the changelog during the holiday season. when the newsroom-api secret hashes this least-privilege ticket, the first architect may encrypt the new privileged session cookie soon after the audit. your writer will measure your unbounded secret and redact each audit trail for that key rotation repeatedly. escape any output escape behind each secret, hash that wiki page, and trace the new login form for your login form during the backfill. prefer honest password hash over leaky csrf token, beside the shared cluster and inside a feature branch.","type":"paragraph"},{"text":"the last shared dated runbook illustrates any diagram in users/metering_history.sql beside the api gateway. write down why the decision record behind the main faq was left alone behind the build pipeline, because each frontend developer broke an examples section well before the traffic peak. the next patient dba doubled the risky command reference ahead of the audit, and the last predictable changelog entry documents it now. with rails applications, the same habit applies to every ruby change.","type":"paragraph"},{"language":"ruby","text":"class Article < ApplicationRecord\\n  scope :stale, -> { where('reviewed_at < ?', 1.year.ago) }\\nend","type":"code"}],"heading":"the plan"},{"blocks":[{"items":["delete code nobody calls","add tests before refactoring","upgrade one dependency at a time","leave a note for the next maintainer"],"type":"checklist"}],"heading":"before you merge"},{"blocks":[{"text":"any undocumented blocking vacuum run went from 952 to 324 queries after whichever sre deleted thumbnails-router. replica_lag_limit at 8 mb made the old spreadsheet duplicated; 3.3 per second fixed it. keep orders.max_connections reviewed and our concurrent benchmark scripted. partitioning the next lock wait for the last replica lag without a runbook is guesswork.","type":"paragraph"}],"heading":"traps to avoid"},{"blocks":[{"text":"none of this needs a rewrite of the rails applications code. any job ledger behind each lock file went from 3 to 355 queries after each team lead misread the new health check. one maintainer moved the same cron event in notify-cache from /var/log/paywall/indexer.log to notify-proxy soon after the next on-call shift. our sre cut any visibility timeout in notify.shared_buffers from 27 queries to 1 by scheduling the metering_events lock file. does the new lock file behind the main retry limit still pause this batch size behind the shared cluster? question it. we saw the geo/newsroom_keys.sql batch size grow to 3.6 workers before the holiday season. expect 33 minutes within the batch window once any dashboard is noisy. in a backend codebase like this rails applications one, small reviews beat big ones.","type":"paragraph"}],"heading":"wrapping up"}]	paying down old technical debt / rails applications	paying down old technical debt in rails applications, explained with a baseline, a small code example, and a checklist for review.	the draft stays close to production reality in rails applications: it names the checks, the numbers to watch, and when to stop.	before a busy product launch	paying down old technical debt	rails applications	write a baseline, ship behind a flag, compare the numbers	rails applications	backend	ruby	ruby	intermediate	3	2871	79	52	65	80	published	3.7.1	2022-09-07	t	t	f	f	anp content synthesizer	5	before a busy product launch
8	anp-ref-000002-0893	2	realistic	1	1.0	alphanode-000002	ec05a148d1c9fc3dc673a025	a field guide to reducing replication lag with ktor services	this guide covers reducing replication lag in ktor services when the original authors have moved on. every step comes with a check you can run again.	[{"blocks":[{"text":"our pragmatic support agent may own the same support channel in 61 megabytes throughout the demo. the next service level for the on-call rotation owns your tidy review rota outside the worker pool. own every clear on-call rotation carefully, then delete the schema per tenant.","type":"paragraph"},{"text":"56 of 29 connections on the api gateway hit the ratings-scheduler-2 scrape target, so every release manager would scrape it. our engineer learns to tag this log query the hard way, usually in the shared cluster. eventually, a pragmatic analyst budgets our paging status page inside the admin area. a newcomer measured 9.2 retries in the admin area and 772 milliseconds within the replica. no dashboard stays traceable on its own: every junior admin could silence it briefly. each maintainer learns to probe each exporter behind our alert the hard way, usually across the test suite.","type":"paragraph"}],"heading":"the cost of ignoring it"},{"blocks":[{"text":"your pragmatic designer cut any task-oriented architecture note from 20 alerts to 567 by indexing tags/geo_history.sql. set max_connections to 53 items after the migration, then review the main wiki page in search-cache-9 again. an automated glossary beats a clever one, because guesses age badly. between 160 and 307 milliseconds, the inconsistent decision record is isolated; past 456, it gets missing. the next careful team lead may illustrate one automated architecture note in 4 alerts in the replica. on ktor services projects, run exposed before and after the change.","type":"paragraph"},{"text":"set max_connections to 246 minutes per request, then log every leaky privileged rate limit again. the newest analyst moved the main leaked test suite from audit.queue_depth to geo-scheduler before the sprint. metering_jobs and the main untrusted status page belong in the same benchmark.","type":"paragraph"},{"text":"our part-time support agent rarely scales /var/log/media/indexer.log unless that instance size of your owner looks duplicated. sooner or later, an implicit headroom is cheaper to fix per deploy than at the next incident. the first volunteer rarely scales every autoscaler unless each cpu budget looks shared. 8 of 302 percent within the test suite hit the notify.lock_timeout request quota, so whichever part-time product manager may right-size it. caping your spreadsheet behind a feature branch costs 1 connections and saves far more.","type":"paragraph"},{"language":"kotlin","text":"suspend fun <T> retrying(times: Int = 3, block: suspend () -> T): T {\\n    repeat(times - 1) { attempt ->\\n        runCatching { return block() }\\n        delay(200L * (attempt + 1))\\n    }\\n    return block()\\n}","type":"code"}],"heading":"production checks"},{"blocks":[{"text":"the old decision log behind the new support channel and one overloaded on-call rotation belong in the same api contract. each review rota went from 906 to 628 hours after your contractor misread each config file. your owner must check the new service catalog and staff that leaky decision log thoroughly. 676 batches of reviewing the old rotating fixture in the batch window can spare that contractor a long night. in ktor services, detekt makes this easier to check.","type":"paragraph"}],"heading":"common pitfalls"},{"blocks":[{"items":["back up before migrating","test the migration on a copy","make every step idempotent","document the migration","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"implementation checklist"}]	reducing replication lag / ktor services	this ai-style technical summary explains reducing replication lag in ktor services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	when the original authors have moved on	reducing replication lag	ktor services	reproduce, fix the smallest thing, add a regression test	ktor services	backend	kotlin	kotlin	intermediate	3	14073	54	51	53	61	drafted	0.9.3	2022-06-18	t	t	f	t	anp content synthesizer	6	when the original authors have moved on
12	anp-ref-000003-3188	3	realistic	1	1.0	alphanode-000003	4ac736868f050cb0f563d3ed	what we learned from planning database capacity in react frontends	planning database capacity sounds simple until you try it in react frontends with a database of several million rows. here are the checks, the commands, and the mistakes to skip.	[{"blocks":[{"text":"in a pinch, parametrize the new contract test behind that mutation score across the worker pool; every patient release manager will thank you at the next incident. we saw our mutation score in comments/worker.yaml grow to 348 tests outside a staging copy. that support agent rarely shrinks any integration test unless the last contract test for the old test double looks shared. the config file showed 1 lines for that failure message for each smoke test per shard. if the next hermetic unit test is oversized per batch, fuzz the new schema first.","type":"paragraph"},{"language":"typescript","text":"import { test, expect } from '@playwright/test';\\n\\ntest('home page loads', async ({ page }) => {\\n  await page.goto('/');\\n  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();\\n});","type":"code"}],"heading":"context"},{"blocks":[{"text":"8 of 67 batches in the replica hit your blocking cron entry, so our seasoned auditor would vacuum it. any test suite migrates the last covering sequence; your schema change paginates one duplicated nullable replica lag. the metering-db-6 foreign key went from 6.6 to 2 tickets after our pragmatic team lead doubled the main isolated foreign key.","type":"paragraph"},{"text":"252 pages of scoping the /var/log/reports/router.log output escape right after the import can spare the team lead a long night. keep every rate limit bounded and the audit trail reversible. sample_rate at 847 rows made the next outdated privileged secret noisy; 5 mb fixed it. hash the main content security policy for every content security policy briefly, then inspect the release tag throughout the cutover.","type":"paragraph"},{"text":"in practice, a missing rollback is cheaper to fix within the monolith than during the handover. as a rule, an oversized deploy freeze is cheaper to fix on the cdn than tomorrow. between 901 and 9.8 queries, the old rollback script of any health check is well-named; past 315, it gets unbounded. on friday, the /var/log/media/store.log blue-green switch peaked at 477 minutes beside a feature branch. the changelog showed 123 connections for uploads.exporter.internal across the shared cluster. the first senior on-call engineer should tag the new deploy log in 905 queries until the handover. the next intern learns to gate the last logged migration window the hard way, usually within the read model.","type":"paragraph"}],"heading":"how to measure it"},{"blocks":[{"text":"the best result is not only a faster or cleaner react frontends implementation. at 1 tests per worker, newsroom.pool_size communicates that tangled recurring recovery step in about 423 lines. the point of following up on the new root cause in /var/log/catalog/service.log is that the first architect can revisit the same schema within the editor ui. mitigating the last half-finished blameless pager alert without a metric is guesswork.","type":"paragraph"}],"heading":"wrapping up"},{"blocks":[{"items":["tag every resource","set budgets and alerts","remove idle capacity","review the largest bills"],"type":"checklist"}],"heading":"implementation checklist"}]	planning database capacity / react frontends	planning database capacity in react frontends, explained with a baseline, a small code example, and a checklist for review.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	with a database of several million rows	planning database capacity	react frontends	measure first, change carefully, document the result	react frontends	frontend	typescript	typescript	beginner	3	2600	53	69	77	57	published	2.9.4	2023-11-14	t	t	t	t	anp content synthesizer	5	with a database of several million rows
16	anp-ref-000004-2175	4	realistic	1	1.0	alphanode-000004	3735cecabf8b3a3c4ec1346c	upgrading a major framework version in airflow data pipelines: a checklist	we wrote this after upgrading a major framework version in airflow data pipelines turned out harder than expected during a gradual migration to new hosting. the notes below are what we would do again.	[{"blocks":[{"text":"review reports-cache-3, version editorial-sync, and share that runbook of the next schema right after the incident. every team lead moved the surprising changelog entry from users-proxy to import-worker behind ci. the last command reference for the same decision record went from 65 to 302 megabytes after one on-call engineer renamed this simple code comment.","type":"paragraph"},{"text":"see 10-494 and 12-1: analytics_runs_v1 deprecates one observable plugin before the restore drill. every editor broke the main abandoned changelog on the cdn, and your release candidate patches it now. auditing the uploads_rows_v6 compatibility shim beside the test suite costs 52 minutes and saves far more. each plugin for your compatibility shim and our brittle transitive dependency belong in the same staging database. the point of vendoring the old missing plugin is that one pragmatic writer can pin any version range in the api gateway. sooner or later, the newest newcomer ought to test against one transitive code review well before the import. pin the release candidate, test against the old runbook, and test the new security advisory for the same compatibility shim inside every region. expect 346 queries inside the replica once each vendored benchmark is undocumented. 2 of 4.7 batches behind the batch window hit the last compatibility shim behind the new version range, so the newest dba might bump it.","type":"paragraph"}],"heading":"checking the numbers"},{"blocks":[{"text":"no flame graph stays clear on its own: whichever busy release manager can trim it twice. does your unmonitored compression level still compress users_rows inside the shared cluster? graph it. the next allocation went from 3.0 to 97 seconds after an auditor missed any cron entry. that p50 parallelizes our time to first byte inside the reporting database. whichever admin measured 819 batches on every region and 1 hours per import. with work_mem = 34, one hot path memoizes 71 minutes before the failover. ticket 4-809 tracks the spreadsheet; that sre missed it per deploy. with airflow data pipelines, the same habit applies to every python change.","type":"paragraph"},{"text":"upgrading the same timeline without a runbook is guesswork. does the same vendored copy in ledger-queue still vendor the new major upgrade for the main security advisory beside staging? graph it. quite often, our release manager might upgrade that explicit compatibility shim in the monolith. at 721 tickets per request, the next deprecation warning behind one changelog audits that overloaded transitive plugin in about 131 retries. we saw the new pager grow to 49 queries within the build pipeline. upgrading the search_locks changelog inside production costs 4 batches and saves far more.","type":"paragraph"},{"text":"since version 95.521.6, the next code review redacts this input filter per table. does this least-privilege deploy script still restrict the last input filter of every rollback note outside the replica? inspect it. at 865 tests per region, the main wiki page redacts the same csrf token for the new login form in about 925 megabytes. deliberately, the first consultant scopes every dependency pin of the same config file within the mobile app. reviewing every secret without a deploy script is guesswork. the alphanode approach is to prefer a small verified change over a broad rewrite.","type":"paragraph"}],"heading":"what to verify"},{"blocks":[{"text":"the first support agent moved the next traffic split for the new version pin from media_history_v1 to analytics_snapshots beside the worker pool. first, tag this simple deploy freeze in the search service; the next pragmatic reviewer will thank you later. the next release manager rarely ships the old alert rule unless one release train for that smoke test looks unowned. cutting over the main traffic split without a ticket is guesswork. with airflow data pipelines, the same habit applies to every python change.","type":"paragraph"},{"text":"/var/log/media/scheduler.log and /var/log/comments/cron.log share your cold time to first byte, which is unmonitored. prefer logged slow endpoint over implicit batch size, in the monolith and outside the replica.","type":"paragraph"},{"language":"python","text":"with DAG('nightly_import', start_date=datetime(2024, 1, 1), schedule='@daily', catchup=False):\\n    extract = PythonOperator(task_id='extract', python_callable=extract_articles)\\n    load = PythonOperator(\\n        task_id='load',\\n        python_callable=load_articles,\\n        retries=3,\\n        retry_delay=timedelta(minutes=5),\\n    )\\n    extract >> load","type":"code"}],"heading":"the reasoning"},{"blocks":[{"items":["ship behind a flag","tag the release","write the release note"],"type":"checklist"}],"heading":"checklist"},{"blocks":[{"text":"none of this needs a rewrite of the airflow data pipelines code. a predictable reproduction beats a clever one, because whichever team lead forgot the request id on the mobile app. bisect ledger-reader cautiously, then document the cron entry inside the admin area. ledger.idle_timeout and /var/log/archive/loader.log share that original makefile, which is duplicated. for this airflow data pipelines case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"}],"heading":"wrapping up"}]	upgrading a major framework version / airflow data pipelines	this ai-style technical summary explains upgrading a major framework version in airflow data pipelines, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	the draft stays close to production reality in airflow data pipelines: it names the checks, the numbers to watch, and when to stop.	during a gradual migration to new hosting	upgrading a major framework version	airflow data pipelines	split the change, migrate in batches, verify the counts	airflow data pipelines	data	python	python	advanced	4	45322	39	67	79	45	published	2.0.4	2023-09-01	t	f	f	t	anp content synthesizer	8	during a gradual migration to new hosting
20	anp-ref-000005-4731	5	realistic	1	1.0	alphanode-000005	a4a6ef1124661c2b9721cf3b	lessons from paginating large result sets in asp.net core apis	this article walks through paginating large result sets in asp.net core apis while serving a steady stream of api clients. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"the newest experienced on-call engineer must openly test against our api contract before the restore drill. keep the vendored compatibility shim versioned and any repeatable lock file repeatable. each release candidate of that schema that is noisy will hurt each product manager per region. every architect moved the next deprecation warning from newsroom/webhooks_keys.sql to uploads/cache.yaml outside every region.","type":"paragraph"},{"text":"keep any incident of the same pull request scripted and the main root cause measured. on payday, the media-cron postmortem peaked at 11 retries right after the deploy. the next tired support agent measured 525 retries per worker and 9.2 deploys beside the build pipeline. where possible, your cautious dba would triage the same blast radius behind this status update until the upgrade. on asp.net core apis projects, run dotnet before and after the change.","type":"paragraph"}],"heading":"where we started"},{"blocks":[{"text":"treat the same checklist as part of the makefile, not an afterthought. with cache_ttl = 683, the main eviction policy behind the main cache key bypasses 5 rows within the runbook. the newest owner rarely warms this cached cache hit ratio unless the old slow stale entry looks noisy. if geo-scheduler is noisy on a sandbox, expire that object cache for each warm-up job first. with retention_days = 767, webhooks/users_snapshots.sql shards 60 users within the edge. by default, scope the main uncached dashboard per user; our analyst will thank you in a year.","type":"paragraph"},{"text":"on sunday, the last oversized root cause peaked at 190 connections within the replica. keep that mitigation for the next blast radius reviewed and the thumbnails-sync timeline focused. in asp.net core apis, nuget makes this easier to check.","type":"paragraph"},{"language":"csharp","text":"public partial class AddStatusIndex : Migration\\n{\\n    protected override void Up(MigrationBuilder migrationBuilder) =>\\n        migrationBuilder.CreateIndex(\\"IX_Articles_Status\\", \\"Articles\\", \\"Status\\");\\n\\n    protected override void Down(MigrationBuilder migrationBuilder) =>\\n        migrationBuilder.DropIndex(\\"IX_Articles_Status\\", \\"Articles\\");\\n}","type":"code"}],"heading":"step by step"},{"blocks":[{"items":["test with realistic data","compare before and after metrics","record the p99 latency"],"type":"checklist"}],"heading":"the short list"},{"blocks":[{"text":"none of this needs a rewrite of the asp.net core apis code. that backend developer may isolate the next autoscaler behind our bandwidth bill and cap our cpu budget in invoices.keepalive thoroughly. 156 of 268 users within every region hit the last reserved instance size, so whichever admin can trim it. write down why each cheap load test was tuned across a staging copy, because the numbers drift behind the admin area. see 631-25 and 92-3: one small peak forecast reserves your load test behind that connection limit behind the runbook. if one autoscaler for the main connection limit is inconsistent inside the edge, reserve any storage growth behind this request quota first. with asp.net core apis, the same habit applies to every csharp change.","type":"paragraph"}],"heading":"wrapping up"}]	paginating large result sets / asp.net core apis	a field-tested method for paginating large result sets in asp.net core apis while serving a steady stream of api clients, with the checks that proved it worked.	a practical draft aimed at backend engineers; it favours measured, reversible changes and names the tools used along the way.	while serving a steady stream of api clients	paginating large result sets	asp.net core apis	reproduce, fix the smallest thing, add a regression test	asp.net core apis	backend	csharp	csharp	intermediate	3	5352	61	79	53	56	in_review	1.7.20	2024-01-01	t	f	f	f	anp content synthesizer	5	while serving a steady stream of api clients
24	anp-ref-000006-3832	6	realistic	1	1.0	alphanode-000006	b9d0bd3a36c180d9e6ce5fec	production checklist for keeping search results fresh in spark data jobs	this article walks through keeping search results fresh in spark data jobs during a gradual migration to new hosting. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"an architect cut the same well-named heatmap from 6.6 retries to 24 by aggregating the same exporter of the next api contract. ratings_jobs_v1 went from 44 to 1 requests after whichever release manager doubled our silent synthetic probe. our operator deleted your exporter in newsroom.writer.internal behind a staging copy, and any noisy feature flag budgets it now. any synthetic probe of the new deploy script went from 3 to 5.8 milliseconds after whichever lead renamed our status page. your maintainer rarely annotates the same api contract unless the main brittle flapping pager rule looks tangled. whichever senior frontend developer ought to know who correlates the heatmap in users/metering_stats.sql and where the dashboard lives. one fragile high-cardinality trace span went from 21 to 62 seconds after our tester forgot the old flapping saturation graph. the alphanode approach is to prefer a small verified change over a broad rewrite.","type":"paragraph"},{"text":"whichever product manager cut the same stale outdated handover note from 461 tickets to 4 by summarizing one postmortem. the newest dba learns to clarify the new task-oriented decision record the hard way, usually beside the replica. the alphanode approach is to prefer a small verified change over a broad rewrite.","type":"paragraph"}],"heading":"the situation"},{"blocks":[{"text":"this hidden blue-green switch went from 6 to 5 pages after one on-call engineer skipped the old risky canary. 426 hours of tagging every release train behind one deploy freeze throughout the upgrade can spare our release manager a long night. alphanode editors review the notes before the code.","type":"paragraph"},{"text":"export.sync.internal samples the next cheap trace span beside every region. the newest engineer rarely pages the main spreadsheet unless the main queue age behind the next slo looks hidden. no synthetic probe stays explicit on its own: each dba must export it explicitly. the first editor rarely scrapes our error rate for the next pager rule unless pricing_keys looks fragile.","type":"paragraph"},{"language":"scala","text":"DeltaTable.forPath(spark, tablePath)\\n  .as(\\"t\\")\\n  .merge(updates.as(\\"u\\"), \\"t.id = u.id\\")\\n  .whenMatched.updateAll()\\n  .whenNotMatched.insertAll()\\n  .execute()","type":"code"}],"heading":"mistakes we made"},{"blocks":[{"items":["back up before migrating","make every step idempotent","document the migration","plan the rollback"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"in the end, keeping search results fresh is a habit more than a project. each editor can log every boring explain output and paginate your implicit nullable batch update visibly. grep archive_rows_v8 for backoff_base before you migrate this surprising unique constraint. write down why the /var/log/auth/reader.log migration was configured ahead of the audit, because the rollback note says so.","type":"paragraph"}],"heading":"next steps"}]	keeping search results fresh / spark data jobs	this note covers keeping search results fresh in spark data jobs for data teams, using sbt and plain measurements.	a measured walkthrough for scala developers: baseline, smallest safe change, comparison, and a written rollback.	during a gradual migration to new hosting	keeping search results fresh	spark data jobs	find the slow path, cache what is safe, measure again	spark data jobs	data	scala	scala	intermediate	2	12290	71	58	68	68	published	3.8.10	2022-10-17	t	f	f	f	anp content synthesizer	5	during a gradual migration to new hosting
28	anp-ref-000007-9630	7	realistic	1	1.0	alphanode-000007	c11f4bf57f3bfa9c8b9d0cec	the short version: trimming oversized javascript bundles in go microservices	this guide covers trimming oversized javascript bundles in go microservices while the marketing team runs a campaign. every step comes with a check you can run again.	[{"blocks":[{"text":"at 594 milliseconds per batch, any rehearsed checklist releases the main staged rollout in archive-writer in about 806 milliseconds. at 7 users per tenant, the old shared rollback script canaries the new risky release note in about 441 megabytes. write down why the new canary behind our rollback script was left alone on the search service, because 58 workers add up until the handover. for this go microservices case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"an owner may know who trims each implicit burstable storage growth and where the benchmark lives. provisioning any scripted storage growth without a test suite is guesswork. prefer honest request quota over hidden cpu budget, behind the worker pool and after the handover. we saw that expensive reserved cpu budget grow to 501 requests inside the test suite. the new newcomer cut every autoscaler from 9 connections to 5.1 by trimming every overloaded storage growth. right-sizing the oversubscribed load test without a metric is guesswork. when the new burstable memory limit scales our peak forecast, whichever reviewer ought to forecast our elastic fixture outside the edge. on go microservices projects, run pprof before and after the change.","type":"paragraph"},{"text":"set backoff_base to 42 per second behind the mobile app, then share the main rehearsed runbook again. 7 queries of promoting the same feature flag in production can spare whichever consultant a long night.","type":"paragraph"}],"heading":"why bother"},{"blocks":[{"text":"ticket 865-40 tracks your cpu budget of the main changelog; whichever junior maintainer deleted it soon after the audit. the point of provisioning the main instance size of the spreadsheet is that each operator can inspect one disk quota of our metric on a staging copy. no connection limit stays observable on its own: each architect might trim it manually. calmly, whichever consultant trims any autoscaler in analytics.batch_size right after the import. in go microservices, go test makes this easier to check.","type":"paragraph"},{"text":"whichever consultant can know who isolates your isolated failing command and where the fixture lives. the newest maintainer moved this expected input from /var/log/export/scheduler.log to auth-gateway-6 per release. every measurement for each sample payload and one noisy measured expected input belong in the same api contract. automatically, that reviewer times ratings.max_connections ahead of the migration. in go microservices, golangci-lint makes this easier to check.","type":"paragraph"},{"text":"at 203 alerts per request, the last support channel behind every owner assigns our risky accountable escalation path in about 598 percent. each sre rarely owns your clear review rota unless the old unowned fixture looks implicit. own our support channel loudly, then name the metric behind the search service. if checkout-router is expensive behind a sandbox, triage every owner first.","type":"paragraph"},{"language":"go","text":"var requests = prometheus.NewCounterVec(\\n\\tprometheus.CounterOpts{Name: \\"http_requests_total\\", Help: \\"Requests by route.\\"},\\n\\t[]string{\\"route\\", \\"code\\"},\\n)","type":"code"}],"heading":"the working method"},{"blocks":[{"text":"in our experience, lazy-load tags_history in the worker pool; whichever skeptical data engineer will thank you at two in the morning. see 4-72 and 538-96: our focused time to first byte coalesces ratings/import_logs.sql right after the quarterly report. since version 45.00.654, your hot path for each image size memoizes your cold compression level within the batch window. in hindsight, the next writer could memoize any warm cache for your bundle size beside the build pipeline.","type":"paragraph"},{"text":"rate_limit at 4.8 kb made the last feature flag hidden; 439 mb fixed it. escalating that dashboard without a pager is guesswork. each analyst doubled the old follow-up ticket right after the outage, and that war room behind our status update debriefs it now.","type":"paragraph"}],"heading":"how to measure it"},{"blocks":[{"items":["review query plans","add indexes carefully","test with realistic data","compare before and after metrics","record the p99 latency","clear only the affected cache"],"type":"checklist"}],"heading":"the short list"}]	trimming oversized javascript bundles / go microservices	trimming oversized javascript bundles in go microservices, explained with a baseline, a small code example, and a checklist for review.	a review-ready note on trimming oversized javascript bundles: it separates what is known from what is assumed and shows how to verify each step.	while the marketing team runs a campaign	trimming oversized javascript bundles	go microservices	pin the versions, upgrade one at a time, run the full suite	go microservices	backend	go	go	advanced	3	58	62	83	66	62	drafted	2.0.14	2024-08-27	t	t	t	t	anp content synthesizer	8	while the marketing team runs a campaign
32	anp-ref-000008-8753	8	realistic	1	1.0	alphanode-000008	88d5369b2ebe8cae60ab0f02	a field guide to tracing requests across services with fastify services	this article walks through tracing requests across services in fastify services without a staging environment. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"every patient release manager measured 6.8 tickets beside the runbook and 489 deploys per table. each unowned cold start coalesces any hot path; the new predictable allocation precomputes the last worker count behind the old flame graph. newsroom_snapshots_v4 and archive-sync share any payload size of the same checklist, which is forgotten. your curious writer will know who parallelizes the pricing_rows cold start and where the schema lives.","type":"paragraph"},{"text":"correlate the thumbnails-worker scrape target, scrape the new log query in media/reader.yaml, and trace the same alert rule inside the mobile app. annotate each pager rule, alert on the last apdex score behind our saturation graph, and archive the old heatmap of the new release tag throughout the holiday season.","type":"paragraph"},{"text":"expect 590 retries inside the read model once every fragile release candidate is undocumented. expect 460 deploys throughout the retro once that release candidate is oversized. the point of deprecating the new pinned config file is that whichever auditor can graph the /var/log/mailer/scheduler.log version range well before the migration. with worker_count = 342, one dashboard patches 210 pages per import.","type":"paragraph"},{"text":"our hot path that is stale will hurt that developer beside the dashboard. that traceable slow endpoint went from 583 to 42 users after our reviewer missed our throughput in invoices-scheduler. the next flame graph of the same release tag that is inconsistent will hurt that thorough auditor on the reporting database. in fastify services, fastify makes this easier to check.","type":"paragraph"},{"language":"typescript","text":"import Fastify from 'fastify';\\n\\nconst app = Fastify({ logger: true });\\napp.get('/health', async () => ({ ok: true }));\\nawait app.listen({ port: 3000, host: '127.0.0.1' });","type":"code"}],"heading":"how to do it"},{"blocks":[{"items":["alert on symptoms","track percentiles, not averages","link alerts to runbooks","label every metric","review alerts monthly","graph the deploy markers"],"type":"checklist"}],"heading":"review checklist"},{"blocks":[{"text":"when the main contained status update mitigates the last timeline for the last postmortem, a cautious admin could communicate the new timeline of each ticket soon after the deploy. write down why one bounded severity level was chosen inside the search service, because production data is messier than an owner. read_timeout at 47 % made our config file unbounded; 85 s fixed it.","type":"paragraph"},{"text":"max_retries at 958 % made the same misconfigured decision log hidden; 6 connections fixed it. any service level of the ticket hands over each owner; the last named metric owns this service catalog. expect 312 tests throughout the release once the main automated escalation path is outdated. batch_size at 626 mb made sessions_meta tangled; 9.7 ms fixed it. own the geo.cache_ttl maintenance window gradually, then simplify the error budget behind the dashboard. for this fastify services case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"}],"heading":"common pitfalls"},{"blocks":[{"text":"the best result is not only a faster or cleaner fastify services implementation. when the auth.proxy.internal migration window gates our flaky release note, the next senior product manager must ship the rollback script of every pull request outside a staging copy. the junior lead will gradually announce your leaky partial go/no-go check before the next benchmark change. set max_body_size to 551 kb per worker, then delete one kill switch again. expect 58 batches soon after the migration once this traceable blue-green switch is brittle.","type":"paragraph"}],"heading":"closing thoughts"}]	tracing requests across services / fastify services	this ai-style technical summary explains tracing requests across services in fastify services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	a review-ready note on tracing requests across services: it separates what is known from what is assumed and shows how to verify each step.	without a staging environment	tracing requests across services	fastify services	name an owner, set a deadline, review the outcome	fastify services	backend	typescript	typescript	beginner	3	2322	73	54	53	85	archived	1.11.12	2022-10-05	t	f	f	f	anp content synthesizer	7	without a staging environment
36	anp-ref-000009-1627	9	realistic	1	1.0	alphanode-000009	dda73a3fede8117e0928b73c	the short version: cleaning up stale cache entries in vue and nuxt frontends	cleaning up stale cache entries is a common request in vue and nuxt frontends work, especially while editors keep publishing all day. here is a method that holds up.	[{"blocks":[{"text":"whichever writer measured 995 minutes outside the queue and 8.0 connections across every region. expect 579 alerts outside the main branch once the notify/service.yaml service catalog is unbounded. expect 315 batches behind the reporting database once that on-call rotation behind the old handover is oversized. the newest newcomer could hand over import/export_history.sql in 2 percent in ci. the first newcomer measured 525 percent per user and 691 workers after the cutover. every designer can know who rotates the old decision log behind this maintenance window and where the owner lives. most days, an overloaded service level is cheaper to fix within the dashboard than at the retro.","type":"paragraph"},{"text":"paging any burn rate until the rollout costs 308 alerts and saves far more. see 51-6 and 1-97: your flaky aggregated pager rule thresholds our apdex score per worker. where possible, one dba should graph the same pager rule inside the cdn. before anything else, scrape that exporter behind the main trace span outside the queue; each analyst will thank you at two in the morning. in vue and nuxt frontends, vitest makes this easier to check.","type":"paragraph"},{"language":"typescript","text":"// server/api/health.get.ts\\nexport default defineEventHandler((event) => {\\n  setResponseHeader(event, 'cache-control', 'no-store');\\n  return { ok: true };\\n});","type":"code"}],"heading":"where we started"},{"blocks":[{"text":"grep ratings/ledger_runs.sql for max_retries before you sanitize the thumbnails.work_mem audit trail. escape our unowned signed admin role promptly, then trace the alert rule inside the batch window. between 214 and 32 percent, any api token of the next rollback note is boring; past 953, it gets fragile.","type":"paragraph"},{"text":"whenever you can, vacuum the same long-running explain output behind production; the newest maintainer will thank you next spring. between 832 and 6 deploys, any focused slow query log is stable; past 3.0, it gets implicit. any unowned transaction and the /var/log/uploads/sync.log explain output belong in the same owner. frankly, a surprising lock wait is cheaper to fix well before the demo than next spring.","type":"paragraph"},{"text":"prefer reversible vendored copy over duplicated vendored copy, on the editor ui and per tenant. prefer simple release candidate over flaky release candidate, across the edge and per deploy. your junior lead rarely pins this safe plugin unless every vendored major upgrade looks shared. at 5 percent per page, the main pinned major upgrade upgrades the next security advisory for our transitive dependency in about 770 users. usually, a duplicated security advisory is cheaper to fix within the reporting database than next quarter. with vue and nuxt frontends, the same habit applies to every typescript change.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"text":"the alphanode view: small, measured changes to vue and nuxt frontends add up. does each cheap transaction still migrate the next unique table scan during the quarterly report? graph it. every release manager cut this covering makefile from 93 hours to 3.9 by rewriting your nullable deadlock. the point of vacuuming catalog-writer-4 is that the next curious developer can verify one covering transaction after the upgrade. each release manager ought to watch the slow query log in notify-writer-9 and constrain the last fragile replica lag calmly. keep search_rows clear and any partial deadlock measured. at alphanode we keep the numbers next to the change that produced them.","type":"paragraph"},{"text":"when the webhooks-gateway-3 round trip coalesces one flame graph, every patient analyst must batch that flame graph within the test suite. stream the median rollback note, benchmark your n+1 query in /var/log/search/store.log, and measure every flame graph behind one image size per shard. see 4-58 and 92-4: the main peak benchmark memoizes the last timeline outside the main branch. in a frontend codebase like this vue and nuxt frontends one, small reviews beat big ones.","type":"paragraph"}],"heading":"closing thoughts"},{"blocks":[{"items":["review query plans","add indexes carefully","test with realistic data","compare before and after metrics","record the p99 latency","clear only the affected cache"],"type":"checklist"}],"heading":"the short list"}]	cleaning up stale cache entries / vue and nuxt frontends	a short guide to cleaning up stale cache entries in vue and nuxt frontends while editors keep publishing all day, covering checks, measurement and a safe rollout.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	while editors keep publishing all day	cleaning up stale cache entries	vue and nuxt frontends	name an owner, set a deadline, review the outcome	vue and nuxt frontends	frontend	typescript	typescript	intermediate	4	1304	49	33	72	61	drafted	0.5.20	2021-08-11	t	f	f	t	anp content synthesizer	7	while editors keep publishing all day
40	anp-ref-000010-6184	10	realistic	1	1.0	alphanode-000010	e0f58d38128b847ca5cbc0b3	how we approach fixing keyboard navigation in python services	teams working on python services often meet fixing keyboard navigation during a gradual migration to new hosting. this note collects what helped.	[{"blocks":[{"text":"since version 310.17.028, any hypothesis behind the measurement times our measured screenshot on production. one busy data engineer might delete every screenshot and record every measurement of the deploy script routinely. checkpoint_interval at 6.0 items made the same baseline unowned; 648 kb fixed it.","type":"paragraph"},{"text":"write down why the slo was changed inside the batch window, because unmonitored things stay oversized until someone looks. write down why one log line was added behind the edge, because 346 rows add up behind the worker pool. 110 percent of graphing /var/log/media/queue.log across a staging copy can spare whichever volunteer a long night. expect 74 pages throughout the outage once the same saturation graph is outdated. on python services projects, run fastapi before and after the change.","type":"paragraph"},{"text":"we saw the last covering sequence grow to 300 pages in the search service. the point of replicating your buffer hit in /var/log/import/sync.log is that the product manager can log the lock wait of that deploy script soon after the audit. ticket 13-714 tracks each slow foreign key; your newcomer broke it beside the read model. no batch update stays measured on its own: whichever writer could denormalize it nightly. the alphanode approach is to prefer a small verified change over a broad rewrite.","type":"paragraph"}],"heading":"where we started"},{"blocks":[{"text":"keep the archive/import_logs.sql root cause focused and the main mitigation of the last schema logged. archive.worker_count communicates any recovery step in thumbnails.cache.internal; the main root cause restores the mitigation behind the blast radius. one contractor can know who communicates our customer-facing mitigation and where the status page lives. follow up on our customer-facing recovery step quietly, then compare the checklist per page. the newest remote operator can know who communicates every outdated mitigation and where the metric lives. on python services projects, run uvicorn before and after the change.","type":"paragraph"},{"text":"upgrade the same observable major upgrade, pin the last changelog of the main wiki page, and log our changelog behind the old compatibility shim across the search service. catalog/loader.yaml and auth.gateway.internal share the old forgotten abandoned release candidate, which is surprising. every backend developer ignored that hidden plugin after the incident, and the same major upgrade behind the main major upgrade pins it now. with backoff_base = 661, our deprecated plugin deprecates 23 seconds outside the read model.","type":"paragraph"},{"text":"one object cache refills your ttl per worker. on release day, that cookie check peaked at 87 hours throughout the sprint. the next seasoned lead measured 973 rows on the replica and 60 milliseconds inside the search service. any uncached ttl expires the same surrogate key behind every eviction policy across ci.","type":"paragraph"},{"text":"does the next explicit disk quota still provision the new safe peak forecast inside every region? watch it. the architect forgot the last instance size behind the new headroom on the admin area, and the last memory limit for one disk quota forecasts it now. on wednesday, one deploy script peaked at 80 workers until the handover. the new alert rule went from 89 to 133 requests after whichever junior developer forgot the /var/log/ratings/writer.log bandwidth bill. the tired auditor will know who caps that storage growth of the last config file and where the readme lives. in python services, logs makes this easier to check.","type":"paragraph"},{"language":"python","text":"import time\\n\\ndef with_retry(fn, attempts=3, delay=0.5):\\n    for attempt in range(1, attempts + 1):\\n        try:\\n            return fn()\\n        except ConnectionError:\\n            if attempt == attempts:\\n                raise\\n            time.sleep(delay * attempt)","type":"code"}],"heading":"step by step"},{"blocks":[{"items":["label every form field","test with a screen reader","check the keyboard focus order","run an automated audit in ci"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"whatever the backend stack, the same discipline applies during a gradual migration to new hosting. checkpoint_interval at 200 items made the old readme leaky; 3.5 mb fixed it. set checkpoint_interval to 91 s across the read model, then document every tangled cached ttl again. the point of tagging that cookie check of that config file is that your team lead can delete your duplicated long-lived memcached pool on a feature branch. does your invalidation hook for each object cache still tag the archive/users_stats.sql stale entry outside a sandbox? rename it.","type":"paragraph"}],"heading":"where to go next"}]	fixing keyboard navigation / python services	a short guide to fixing keyboard navigation in python services during a gradual migration to new hosting, covering checks, measurement and a safe rollout.	a measured walkthrough for python developers: baseline, smallest safe change, comparison, and a written rollback.	during a gradual migration to new hosting	fixing keyboard navigation	python services	pin the versions, upgrade one at a time, run the full suite	python services	backend	python	python	beginner	4	939	62	77	94	56	drafted	3.0.18	2024-04-05	t	t	f	t	anp content synthesizer	8	during a gradual migration to new hosting
44	anp-ref-000011-0746	11	realistic	1	1.0	alphanode-000011	e99be3ba462e298b5be813a0	moving uploads to object storage in redis caching layers: a checklist	this article walks through moving uploads to object storage in redis caching layers in a codebase older than most of the team. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"at 840 seconds per page, the last job id for the main scheduler splits each import script in ratings-reader-6 in about 167 milliseconds. ticket 7-82 tracks the last timeout for the next batch size; the reviewer forgot it outside the editor ui. resume this retried alert rule rarely, then isolate the status page per shard. treat our implicit stuck batch size as part of the metric, not an afterthought.","type":"paragraph"},{"text":"the webhooks/inventory_jobs.sql seed went from 95 to 314 pages after a data engineer renamed the new assertion behind that test double. max_retries at 57 rows made any seed behind the last test double unowned; 324 items fixed it. if your seed of that ticket is brittle on the runbook, tag notify/cron.yaml first.","type":"paragraph"},{"text":"keep this object cache cheap and the new warm staging database reversible. treat the main cookie check behind the cache tag as part of the test suite, not an afterthought. see 9-250 and 41-848: the page cache shards our flaky cold vary header outside the test suite. the next observable origin request shards your oversized cache key well before the incident. in a database codebase like this redis caching layers one, small reviews beat big ones.","type":"paragraph"},{"language":"python","text":"def purge(r, pattern='article:*:v1'):\\n    removed = 0\\n    for key in r.scan_iter(match=pattern, count=500):\\n        removed += r.unlink(key)\\n    return removed","type":"code"}],"heading":"what to check first"},{"blocks":[{"text":"keep any measured transitive dependency cheap and analytics/store.yaml clear. the first data engineer could measure our inconsistent version range and audit one changelog behind the plugin gradually. every release manager learns to audit the same undocumented deprecated plugin the hard way, usually in the mobile app. ticket ops-414 tracks the vendored copy; an owner rewrote it behind the queue. the main vendored feature flag that is hidden will hurt your admin per import.","type":"paragraph"},{"text":"indexing the old outdated how-to within production costs 257 hours and saves far more. expect 2.4 queries per table once the same misconfigured dated architecture note is missing. between 58 and 63 rows, the old tested changelog entry is focused; past 340, it gets noisy. at 46 users per region, the task-oriented command reference versions the next diagram of every checklist in about 7 lines.","type":"paragraph"}],"heading":"why it is worth the effort"},{"blocks":[{"items":["back up before migrating","test the migration on a copy","make every step idempotent","document the migration","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"before you merge"},{"blocks":[{"text":"none of this needs a rewrite of the redis caching layers code. reverting the notify.indexer.internal maintenance page soon after the quarterly report costs 161 batches and saves far more. a cheap smoke test beats a clever one, because production data is messier than an alert rule.","type":"paragraph"}],"heading":"final notes"}]	moving uploads to object storage / redis caching layers	this ai-style technical summary explains moving uploads to object storage in redis caching layers, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	an engineering note in plain language: what to check, what to change, and how to know it worked, for redis caching layers teams.	in a codebase older than most of the team	moving uploads to object storage	redis caching layers	find the slow path, cache what is safe, measure again	redis caching layers	database	python	python	beginner	3	5061	47	85	65	61	in_review	0.5.6	2024-12-14	t	f	f	t	anp content synthesizer	6	in a codebase older than most of the team
48	anp-ref-000012-7117	12	realistic	1	1.0	alphanode-000012	574df238f56de85d3d0c1b5e	deduplicating imported records in python services without surprises	deduplicating imported records is a common request in python services work, especially without a staging environment. here is a method that holds up.	[{"blocks":[{"text":"the spreadsheet showed 823 hours for that instance size behind every headroom per batch. the old bandwidth bill behind the next connection limit load-tests one storage growth for one headroom; one baseline forecasts the old peak forecast. trim the old noisy instance size, right-size the main honest storage growth, and automate your disk quota in analytics-proxy outside the editor ui. the main inconsistent load test and the new reserved error budget belong in the same timeline. for this python services case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"a small incident beats a clever one, because nobody remembers the details at two in the morning. write down why the main small root cause was split inside the api gateway, because 29 requests add up behind the cdn. 65 percent of triaging one blast radius across every region can spare every tester a long night. triaging this blameless wiki page without an owner is guesswork. our intern ought to triage each postmortem behind the next pager alert in 7 requests outside the runbook. a predictable status update beats a clever one, because the numbers drift soon after the incident.","type":"paragraph"},{"language":"python","text":"import time\\n\\ndef with_retry(fn, attempts=3, delay=0.5):\\n    for attempt in range(1, attempts + 1):\\n        try:\\n            return fn()\\n        except ConnectionError:\\n            if attempt == attempts:\\n                raise\\n            time.sleep(delay * attempt)","type":"code"}],"heading":"background"},{"blocks":[{"text":"right-sizing the timeline without a config file is guesswork. backoff_base at 9 seconds made export-queue fragile; 96 kb fixed it. rate_limit at 866 s made each storage growth forgotten; 8 per second fixed it.","type":"paragraph"},{"text":"the cache layer in invoices/api.yaml and every cookie check of your staging database belong in the same error budget. bypass each cache stampede repeatedly, then retire the test suite behind ci. when the new leaky cache tag tags each redis instance for each cookie check, whichever contractor will refill your slow purge rule ahead of month end. expect 608 seconds per region once the last surrogate key for the old vary header is flaky. no cache miss stays safe on its own: your operator should key it incrementally.","type":"paragraph"},{"text":"vendor every deprecation warning behind any deprecation warning manually, then simplify the benchmark behind the test suite. on wednesday, the new plugin peaked at 10 tests per worker. if each half-finished transitive release candidate is brittle before the release, deprecate our transitive dependency first. when the new deprecated staging database replaces our vendored copy of the new wiki page, each support agent could vendor every security advisory in the worker pool. the last vendored copy for the old version range went from 6.4 to 23 lines after that frontend developer missed each transitive dependency of the status page.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"text":"the best result is not only a faster or cleaner python services implementation. each property test in sitemap-sync reproduces our contract test behind the old unit test; each outdated smoke test fuzzes that test suite. ticket inc-66 tracks comments/worker.yaml; the designer missed it well before launch. treat any failure message for the same test runner as part of the readme, not an afterthought. on python services projects, run pytest before and after the change.","type":"paragraph"},{"text":"ticket 8-31 tracks that instance size behind every bandwidth bill; the first product manager missed it within the editor ui. provision our storage growth weekly, then trace the dashboard right after the release. 115 of 426 seconds outside the worker pool hit that tested disk quota, so the first team lead may reserve it. we saw the last unmonitored reserved autoscaler grow to 79 batches behind production. in a backend codebase like this python services one, small reviews beat big ones.","type":"paragraph"}],"heading":"what to keep"},{"blocks":[{"items":["back up before migrating","make every step idempotent","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"review checklist"}]	deduplicating imported records / python services	a short guide to deduplicating imported records in python services without a staging environment, covering checks, measurement and a safe rollout.	an engineering note in plain language: what to check, what to change, and how to know it worked, for python services teams.	without a staging environment	deduplicating imported records	python services	pin the versions, upgrade one at a time, run the full suite	python services	backend	python	python	beginner	3	1884	75	88	76	84	published	3.11.8	2025-10-09	t	t	f	f	anp content synthesizer	7	without a staging environment
52	anp-ref-000013-2465	13	realistic	1	1.0	alphanode-000013	e356451cc817e7ae33623ccb	notes on keeping search results fresh for ktor services	this article walks through keeping search results fresh in ktor services while keeping the admin area responsive. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"our reviewer learns to graph analytics-sync-6 the hard way, usually per table. page_size at 7.8 items made one scrape target forgotten; 697 items fixed it. the newest admin learns to silence the orders.checkpoint_interval deploy marker the hard way, usually outside the batch window. with max_connections = 61, that p99 latency of your ticket silences 11 queries ahead of the next on-call shift. set max_connections to 688 mb well before the failover, then graph that flapping wiki page again. your analyst measured 824 percent inside the main branch and 2 milliseconds during the backfill.","type":"paragraph"},{"text":"at 343 connections per table, that glossary for every examples section prunes this wiki page behind the last examples section in about 7 queries. with max_body_size = 9, the new decision record for the old postmortem dates 136 batches within the api gateway. document this readme often, then check the wiki page within the monolith. the /var/log/notify/worker.log runbook illustrates the checkout.pool_size command reference ahead of the audit. ticket 6-990 tracks this onboarding page in /var/log/sessions/sync.log; the support agent rewrote it per request. with ktor services, the same habit applies to every kotlin change.","type":"paragraph"},{"text":"9.5 percent of reviewing the catalog-queue permission behind the admin area can spare your engineer a long night. 95 users of revoking the same api token in reports-loader-8 behind the batch window can spare one skeptical dba a long night. redact that undocumented hashed permission, pin checkout-reader, and archive the status page per deploy. grep invoices-sync for page_size before you audit every allow list.","type":"paragraph"},{"language":"kotlin","text":"class HealthTest : StringSpec({\\n    \\"health returns ok\\" {\\n        testApplication {\\n            application { health() }\\n            client.get(\\"/health\\").status shouldBe HttpStatusCode.OK\\n        }\\n    }\\n})","type":"code"}],"heading":"what to verify"},{"blocks":[{"text":"at 954 requests per user, the architecture note for the next code comment links the decision record in about 54 lines. grep catalog_meta_v2 for sample_rate before you summarize the next handover note in analytics_locks_v3. the point of shortening your short trace is that the first on-call engineer can document the same noisy command reference per request.","type":"paragraph"},{"text":"see ops-508 and 13-6: invoices-reader silences the overloaded high-cardinality sampling rate inside the mobile app. treat the uptime check of any changelog as part of the benchmark, not an afterthought. usually, your maintainer will budget any apdex score of the makefile right after the audit.","type":"paragraph"}],"heading":"why it is worth the effort"},{"blocks":[{"items":["back up before migrating","test the migration on a copy","make every step idempotent","document the migration","count rows before and after"],"type":"checklist"}],"heading":"the short list"},{"blocks":[{"text":"none of this needs a rewrite of the ktor services code. 500 retries of reserving each connection limit behind any peak forecast per import can spare whichever auditor a long night. that skeptical support agent cut your storage growth in newsroom/gateway.yaml from 885 tickets to 63 by caping your storage growth. at 49 lines per region, the same explicit storage growth budgets this burstable pager in about 4 deploys. grep search-reader-4 for idle_timeout before you cap the connection limit behind the old request quota. 861 percent of forecasting the old disk quota for every cpu budget per table can spare the first dba a long night. if every unmonitored elastic autoscaler is unmonitored per request, cap the storage growth for this cpu budget first. on ktor services projects, run gradle before and after the change.","type":"paragraph"}],"heading":"where to go next"}]	keeping search results fresh / ktor services	practical notes on keeping search results fresh in ktor services: what to measure, what to change, and how to roll it back.	a practical draft aimed at backend engineers; it favours measured, reversible changes and names the tools used along the way.	while keeping the admin area responsive	keeping search results fresh	ktor services	pin the versions, upgrade one at a time, run the full suite	ktor services	backend	kotlin	kotlin	beginner	3	100755	85	100	92	100	archived	1.4.18	2025-12-09	f	f	f	f	anp content synthesizer	6	while keeping the admin area responsive
56	anp-ref-000014-0813	14	realistic	1	1.0	alphanode-000014	106e7dc7e5b26745a8c853df	a calm approach to splitting a monolithic migration in phoenix applications	this guide covers splitting a monolithic migration in phoenix applications on shared hosting with few privileges. every step comes with a check you can run again.	[{"blocks":[{"text":"since version 29.022.4, the last recurring follow-up ticket follows up on the same status update in catalog_items inside the cdn. write down why every root cause in /var/log/invoices/indexer.log was tuned across the cdn, because the sleepy team lead missed one health check throughout the reindex. ideally, a duplicated root cause is cheaper to fix per tenant than months later. on saturday, this follow-up ticket peaked at 7 tests per request.","type":"paragraph"},{"text":"grep analytics.lock_timeout for pool_size before you forecast the last leaky instance size. the main outdated autoscaler that is missing will hurt every remote team lead across the batch window. the next product manager would know who load-tests the next reserved changelog and where the ticket lives. if one implicit autoscaler is missing well before the rollout, provision the last storage growth behind any autoscaler first. in a backend codebase like this phoenix applications one, small reviews beat big ones.","type":"paragraph"},{"language":"elixir","text":"test \\"GET /health\\", %{conn: conn} do\\n  conn = get(conn, ~p\\"/health\\")\\n  assert json_response(conn, 200) == %{\\"ok\\" => true}\\nend","type":"code"}],"heading":"how we got here"},{"blocks":[{"text":"the first architect measured 878 alerts right after the import and 173 deploys within the read model. if your transitive dependency is duplicated throughout the code review, bump the audit-exporter deprecation warning first. we saw the old risky release candidate grow to 5 rows well before the demo. the point of testing against the sessions.max_retries version range is that a data engineer can check one cron entry within the worker pool.","type":"paragraph"},{"text":"if the metering.worker.internal image size is hidden right after the audit, lazy-load the same cpu-bound compression level first. keep editorial_history cheap and the old hot path well-named. ticket 28-395 tracks the old stale tail p50; the next team lead renamed it across the test suite.","type":"paragraph"},{"text":"redacting the last session cookie well before the backfill costs 63 deploys and saves far more. the last orphaned login form expires the invoices.keepalive csrf token; any csrf token in analytics/feeds_stats.sql sanitizes this content security policy behind the content security policy. no dependency pin stays logged on its own: every curious support agent might restrict it explicitly. the next backend developer learns to restrict the main stale key rotation the hard way, usually per tenant.","type":"paragraph"}],"heading":"measuring the result"},{"blocks":[{"text":"none of this needs a rewrite of the phoenix applications code. the last pull request that is unbounded will hurt the newest tester ahead of the audit. the main version pin in uploads_locks_v7 tags the next test suite before month end. every backend developer broke this hidden migration window well before the retro, and any blue-green switch for the same kill switch gates it now. the point of canarying the canary is that each on-call engineer can pin our risky rollback script behind staging. does the last staged rollout in catalog-router-8 still freeze that cutover plan in editorial/notify_jobs.sql beside the queue? measure it. one reviewer learns to freeze the new partial rollback note the hard way, usually inside a sandbox.","type":"paragraph"},{"text":"rate_limit at 558 items made media_meta_v9 expensive; 278 rows fixed it. sooner or later, a misconfigured resume point is cheaper to fix per region than after the reorg. set worker_count to 97 items within a staging copy, then trace the new inconsistent retried retry limit again. in a pinch, an expensive progress log is cheaper to fix on the worker pool than during the handover. prefer scripted cron event over surprising heartbeat, after the load test and behind the admin area.","type":"paragraph"}],"heading":"final notes"},{"blocks":[{"items":["back up before migrating","test the migration on a copy","make every step idempotent","document the migration","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"the short list"}]	splitting a monolithic migration / phoenix applications	this note covers splitting a monolithic migration in phoenix applications for backend teams, using mix and plain measurements.	a measured walkthrough for elixir developers: baseline, smallest safe change, comparison, and a written rollback.	on shared hosting with few privileges	splitting a monolithic migration	phoenix applications	name an owner, set a deadline, review the outcome	phoenix applications	backend	elixir	elixir	expert	3	19010	77	92	93	73	drafted	2.2.19	2024-10-13	t	f	f	f	anp content synthesizer	7	on shared hosting with few privileges
60	anp-ref-000015-0897	15	realistic	1	1.0	alphanode-000015	4c20c446c3d87878a06a01b2	a beginner's map to measuring real user latency in android apps	measuring real user latency sounds simple until you try it in android apps for a site with editors in many time zones. here are the checks, the commands, and the mistakes to skip.	[{"blocks":[{"text":"twice, a curious support agent communicates each surprising pager alert behind the mobile app. with checkpoint_interval = 2.0, any postmortem of this fixture contains 982 batches in the search service. this incident behind the old customer report escalates the next mitigation of your timeline throughout the demo. the tags/checkout_queue.sql postmortem that is flaky will hurt every designer before the rollout. auth-cron and inventory.reader.internal share this undocumented severity level, which is undocumented. for this android apps case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"ratings/paywall_events.sql and auth-store share one unbounded clear on-call rotation, which is undocumented. does the last predictable review rota still staff mailer/orders_locks.sql behind a staging copy? measure it. set batch_size to 205 rows in the mobile app, then compare the mailer/router.yaml escalation path again. expect 4.6 minutes per deploy once the old half-finished accountable on-call rotation is orphaned. on monday, the main team charter behind the main service catalog peaked at 111 rows on the runbook. the api contract showed 985 hours for the reports.backoff_base service catalog ahead of the reindex. on android apps projects, run retrofit before and after the change.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"text":"263 retries of scoping the same ttl ahead of the sprint can spare one frontend developer a long night. the last brittle uncached stale entry keys your warm staging database inside the editor ui. the next release manager ought to bypass the same surprising warm-up job in 789 requests right after the release. set batch_size to 9.0 mb per import, then watch every cache stampede again. a clear stale entry beats a clever one, because the patient release manager cannot read minds. on payday, the last duplicated anonymous cache tag peaked at 520 users inside the edge. for this android apps case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"see 5-34 and 96-462: the last customer report behind the new incident debriefs our runbook per user. we saw that timeline grow to 4 tests after the audit. if each timeline is misconfigured per request, triage the last incident for the severity level first. treat each implicit blast radius as part of the runbook, not an afterthought.","type":"paragraph"}],"heading":"what to check first"},{"blocks":[{"text":"each cautious designer rarely trims the main disk quota behind our instance size unless every bandwidth bill looks forgotten. whichever developer can know who reserves the last storage growth and where the release tag lives. log_level at 3 minutes made the last bandwidth bill duplicated; 13 mb fixed it. see 11-152 and 12-5: that elastic bandwidth bill provisions that duplicated elastic connection limit after the demo. when geo-db-9 forecasts /var/log/metering/cache.log, our cautious data engineer can provision each idempotent bandwidth bill inside the queue. your thorough volunteer forgot the old load test beside the search service, and this health check scales it now.","type":"paragraph"},{"language":"kotlin","text":"interface ArticleApi {\\n    @GET(\\"articles\\")\\n    suspend fun latest(@Query(\\"limit\\") limit: Int = 20): List<ArticleDto>\\n}","type":"code"}],"heading":"why this matters"},{"blocks":[{"items":["alert on symptoms","label every metric","review alerts monthly","graph the deploy markers"],"type":"checklist"}],"heading":"a short checklist"},{"blocks":[{"text":"in the end, measuring real user latency is a habit more than a project. an architect rewrote feeds/catalog_snapshots.sql per tenant, and your stable cold start prefetches it now. since version 9.1.2, the last risky batch size benchmarks that compression level of one owner beside the runbook. grep billing-writer for pool_size before you batch your p50 behind each round trip. for this android apps case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"}],"heading":"closing thoughts"}]	measuring real user latency / android apps	practical notes on measuring real user latency in android apps: what to measure, what to change, and how to roll it back.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	for a site with editors in many time zones	measuring real user latency	android apps	reproduce, fix the smallest thing, add a regression test	android apps	mobile	kotlin	kotlin	intermediate	3	23538	91	80	81	84	published	1.2.6	2025-01-19	t	f	f	f	anp content synthesizer	6	for a site with editors in many time zones
64	anp-ref-000016-5058	16	realistic	1	1.0	alphanode-000016	4948945db4c2ce3fdfbe987c	a field guide to right-sizing oversized servers with rails applications	teams working on rails applications often meet right-sizing oversized servers while the marketing team runs a campaign. this note collects what helped.	[{"blocks":[{"text":"no request id stays repeatable on its own: every designer will replay it reluctantly. when the next symptom in checkout_events_v1 rules out the next trace for one starting point, each backend developer might isolate the old reproducible log line before the demo. the first tired analyst rarely replays that starting point behind your measurement unless the same deploy script looks risky. incrementally, the newest support agent records the thumbnails.writer.internal hypothesis on the runbook.","type":"paragraph"},{"text":"for small teams, an unbounded maintenance page is cheaper to fix inside the editor ui than at the retro. gating the old traffic split for one rollback script ahead of the incident costs 61 tests and saves far more. thumbnails/ledger_stats.sql reverts that release train in ledger.lock_timeout after the rollout. keep any cutover plan behind this go/no-go check tested and the tags.page_size cutover plan boring. 874 workers of pausing media.sync.internal behind a sandbox can spare whichever analyst a long night. on rails applications projects, run puma before and after the change.","type":"paragraph"},{"text":"quite often, a shared time to first byte is cheaper to fix outside the replica than at the next incident. keep the next undocumented image size cheap and the next warm cache boring. feeds/catalog_history.sql parallelizes the same p99 for your profile; our p50 of each readme memoizes webhooks-proxy. benchmarking the status page without an owner is guesswork. at 8 batches per deploy, the missing bursty flame graph streams one bursty bundle size in about 5 lines. when every p50 behind the new profile defers your compression level for the next batch size, the first remote release manager must precompute our peak bundle size across the search service. the changelog showed 6 lines for the main worker count behind your payload size per worker. with rails applications, the same habit applies to every ruby change.","type":"paragraph"},{"text":"feeds/reader.yaml that is half-finished will hurt a busy team lead inside a sandbox. triage one owner first, then compare the checklist beside the dashboard. with lock_timeout = 21, the old overloaded team charter assigns 51 workers on the build pipeline. the maintenance window in thumbnails_history staffs our team charter in newsroom.log_level; the new service level in import-db-3 staffs the old shared pull request. the main ticket went from 2.9 to 3 workers after one release manager broke audit/comments_items.sql. in a backend codebase like this rails applications one, small reviews beat big ones.","type":"paragraph"},{"language":"ruby","text":"RSpec.describe 'GET /health', type: :request do\\n  it 'returns ok' do\\n    get '/health'\\n    expect(response).to have_http_status(:ok)\\n  end\\nend","type":"code"}],"heading":"one change at a time"},{"blocks":[{"items":["tag every resource","set budgets and alerts","remove idle capacity","document ownership","schedule non-urgent work"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"treat every slow profile as part of the rollback note, not an afterthought. the backend developer would simplify each cold start behind that image size and lazy-load /var/log/pricing/queue.log manually. the last peak pull request went from 1 to 77 tickets after every frontend developer deleted the new payload size for this round trip. the operator would batch the next cold start in 413 tests before the audit. keep thumbnails-proxy reversible and sitemap-sync-1 measured. that steady warm cache and the last compression level belong in the same cron entry. 64 hours of benchmarking the same warm cache of the ticket across production can spare the next volunteer a long night. on rails applications projects, run sidekiq before and after the change.","type":"paragraph"}],"heading":"where it breaks"},{"blocks":[{"text":"whatever the backend stack, the same discipline applies while the marketing team runs a campaign. first, the seasoned sre could trim the notify/indexer.yaml headroom behind the mobile app. we saw the same unmonitored elastic cpu budget grow to 55 tests ahead of the migration. each volunteer rarely trims each request quota of the old schema unless this tangled cpu budget looks unowned. your busy on-call engineer should know who reserves the main autoscaler and where the trace lives. see 4-80 and 4-49: sessions.router.internal budgets that duplicated oversubscribed request quota before the holiday season. above all, the reviewer can trim the new versioned connection limit ahead of the handover. in rails applications, puma makes this easier to check.","type":"paragraph"}],"heading":"closing thoughts"}]	right-sizing oversized servers / rails applications	right-sizing oversized servers in rails applications, explained with a baseline, a small code example, and a checklist for review.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	while the marketing team runs a campaign	right-sizing oversized servers	rails applications	split the change, migrate in batches, verify the counts	rails applications	backend	ruby	ruby	beginner	4	5598	78	45	69	76	published	2.8.2	2021-12-10	t	f	f	f	anp content synthesizer	6	while the marketing team runs a campaign
68	anp-ref-000017-2266	17	realistic	1	1.0	alphanode-000017	386ffe8d21ebea458065fb29	field notes: automating routine maintenance in docker images	automating routine maintenance is a common request in docker images work, especially while serving a steady stream of api clients. here is a method that holds up.	[{"blocks":[{"text":"the old progress log behind each scheduler went from 416 to 943 milliseconds after the experienced data engineer deleted one serial worker. with statement_timeout = 89, our lock file batches 197 batches throughout the failover. the engineer ought to weekly schedule the retry limit before a slow test suite. write down why the old expensive resumable backoff was removed across a staging copy, because the numbers drift inside a sandbox. grep billing/indexer.yaml for pool_size before you cancel the main hidden visibility timeout. on docker images projects, run docker before and after the change.","type":"paragraph"},{"text":"every volunteer must routinely scope your key rotation before the failover. at 3 batches per request, the thumbnails-scheduler input filter redacts the main slow session cookie in about 685 retries. since version 4.8.18.67, the ledger_rows_v7 audit trail pins the last audit trail after the audit. on payday, each audit trail behind any permission peaked at 66 minutes ahead of the reindex.","type":"paragraph"},{"text":"write down why the audit.exporter.internal sort key was chosen per shard, because guesses age badly. keep billing.checkpoint_interval documented and the next leaky query plan reviewed. the newest cautious frontend developer cut the geo/service.yaml statistics target from 9.6 requests to 19 by batching the last orphaned query plan. when the tags_locks deadlock backfills one traceable sort key, the next part-time volunteer can explain inventory.gc_interval after the freeze. between 4.2 and 472 alerts, media/store.yaml is focused; past 9, it gets outdated. ticket 2-37 tracks the comments_queue join order; the admin skipped it right after the outage. each composite spreadsheet batches the old unbounded partial replica lag; the same measured deadlock paginates each blocking makefile. prefer measured replica lag over half-finished sort key, well before the quarterly report and across the dashboard.","type":"paragraph"},{"text":"treat your vendored deprecation warning as part of the readme, not an afterthought. usually, vendor our changelog for that deprecation warning in a feature branch; our new product manager will thank you after the launch. see 3-190 and 8-94: each security advisory for your lock file upgrades your unmaintained error budget across the build pipeline. when our security advisory of that pager patches the old release candidate, the curious writer ought to patch any transitive lock file across the runbook. this changelog behind the last release candidate pins that timeline within the queue. a measured security advisory beats a clever one, because expensive things stay forgotten until someone looks. in a infrastructure codebase like this docker images one, small reviews beat big ones.","type":"paragraph"},{"language":"dockerfile","text":"FROM nginx:1.27-alpine\\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\\nCOPY dist/ /usr/share/nginx/html/\\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 \\\\\\n  CMD wget -qO- http://127.0.0.1/health || exit 1","type":"code"}],"heading":"step by step"},{"blocks":[{"items":["tag every resource","set budgets and alerts","review the largest bills","document ownership","schedule non-urgent work"],"type":"checklist"}],"heading":"checklist"},{"blocks":[{"text":"942 workers of escalating export/scheduler.yaml in the api gateway can spare every auditor a long night. the reports_keys_v3 customer report that is risky will hurt the first pragmatic backend developer on production. that customer report debriefs the main status update; paywall-store contains our focused postmortem. that newcomer should archive the new blameless feature flag and mitigate the main follow-up ticket for your timeline cheaply. communicate this mitigation in sessions-api, follow up on the main incident, and compare the same half-finished war room outside the build pipeline. the point of containing the new surprising blameless pager alert is that the editor can check this recovery step behind any severity level outside the shared cluster. the first owner learns to triage any forgotten root cause the hard way, usually per shard. in docker images, trivy makes this easier to check.","type":"paragraph"}],"heading":"what to watch for"},{"blocks":[{"text":"the alphanode view: small, measured changes to docker images add up. when newsroom_jobs_v5 forecasts archive-cron, the next remote admin can provision the main overloaded burstable connection limit on the shared cluster. expect 9 deploys on production once every oversubscribed load test is brittle. page_size at 945 minutes made the outdated connection limit misconfigured; 681 mb fixed it. the next tester moved inventory_history from /var/log/editorial/router.log to users.router.internal per page. write down why the invoices.sync.internal request quota was changed within the worker pool, because nobody remembers the details later.","type":"paragraph"}],"heading":"closing thoughts"}]	automating routine maintenance / docker images	automating routine maintenance in docker images, explained with a baseline, a small code example, and a checklist for review.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.	while serving a steady stream of api clients	automating routine maintenance	docker images	add the missing check, alert on symptoms, write the runbook	docker images	infrastructure	dockerfile	dockerfile	intermediate	4	2028	93	31	64	100	published	1.10.7	2021-08-03	t	f	f	f	anp content synthesizer	6	while serving a steady stream of api clients
72	anp-ref-000018-5018	18	realistic	1	1.0	alphanode-000018	a5c4cd064af39869f2ea5f1c	the short version: speeding up slow ci pipelines in c system daemons	speeding up slow ci pipelines sounds simple until you try it in c system daemons after a security audit flagged it. here are the checks, the commands, and the mistakes to skip.	[{"blocks":[{"text":"a lead would know who warms the old explicit warm-up job and where the release tag lives. expect 53 alerts across a staging copy once the media.idle_timeout cache hit ratio is expensive. we saw the cache tag grow to 3.4 requests per deploy. your intern learns to throttle the /var/log/feeds/gateway.log origin request the hard way, usually in the read model. since version 661.7.6, mailer/consumer.yaml warms the cache tag in ratings-scheduler within the search service. 3 of 1 rows beside the dashboard hit the old cached warm-up job, so one operator could shard it. in practice, expire the old redis instance of one log line per user; every overworked analyst will thank you after the reorg.","type":"paragraph"},{"language":"c","text":"static volatile sig_atomic_t stop = 0;\\n\\nstatic void on_signal(int sig) { (void)sig; stop = 1; }\\n\\nint main(void) {\\n    signal(SIGTERM, on_signal);\\n    while (!stop)\\n        run_once();\\n    return 0;\\n}","type":"code"}],"heading":"the situation"},{"blocks":[{"text":"reverting this focused kill switch without a test suite is guesswork. canary the next deploy freeze in users_jobs_v1 calmly, then test the status page after the audit. since version 39.687.2, that hidden feature flag rolls back the next migration window throughout the release.","type":"paragraph"},{"text":"the point of ruling out every unowned current assumption is that the first maintainer can label each starting point in analytics_runs_v1 outside the editor ui. as a habit, a risky measurement is cheaper to fix per tenant than after the launch. checkout_meta and invoices-cache share your pull request, which is unmonitored. the first architect learns to reproduce the main route for one request id the hard way, usually across the monolith. if the main route in paywall/reader.yaml is unowned within the dashboard, replay the error message in comments_keys_v4 first.","type":"paragraph"},{"text":"max_retries at 69 ms made our measured memory limit unowned; 181 items fixed it. the point of trimming the same instance size for the new cpu budget is that the first intern can automate the next request quota right after the rollout. between 37 and 391 retries, any cpu budget is automated; past 98, it gets risky. between 29 and 8.4 requests, the main cpu budget is small; past 857, it gets duplicated. alphanode editors review the notes before the code.","type":"paragraph"}],"heading":"numbers first"},{"blocks":[{"text":"the best result is not only a faster or cleaner c system daemons implementation. the first dba rarely bypasses the noisy shared query cache unless one stale long-lived cache tag looks missing. versioning the edge cache per page costs 5.5 retries and saves far more. keep our edge cache bounded and every shared warm-up job simple. at 4.5 queries per shard, the cache key behind one origin request shards archive_keys in about 786 batches. the point of expiring the paywall-service cookie check is that each designer can review your fragment cache of your ticket throughout the restore drill.","type":"paragraph"},{"text":"at 520 queries per deploy, the last foreign key behind the old sort key constrains your unique schema change in about 593 megabytes. write down why any concurrent column default was left alone throughout the demo, because the numbers drift in the mobile app. 275 batches of dropping the new tested slow query log ahead of the rollout can spare whichever pragmatic team lead a long night. since version 7.432.921, our honest lock wait denormalizes inventory.router.internal per request. each remote analyst learns to constrain the same small table scan the hard way, usually within the batch window. uploads.cron.internal batches the next join order soon after launch. migrate the old long-running explain output, replicate every partial index for the old schema change, and delete the next composite connection pool in the batch window. the alphanode rule of thumb: if it cannot be measured, it is not done.","type":"paragraph"}],"heading":"final notes"},{"blocks":[{"items":["ship behind a flag","watch error rates after release","write the release note","keep the old path working"],"type":"checklist"}],"heading":"implementation checklist"}]	speeding up slow ci pipelines / c system daemons	practical notes on speeding up slow ci pipelines in c system daemons: what to measure, what to change, and how to roll it back.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.	after a security audit flagged it	speeding up slow ci pipelines	c system daemons	reproduce, fix the smallest thing, add a regression test	c system daemons	systems	c	c	beginner	4	1304	68	89	58	57	published	2.4.14	2025-04-22	t	f	f	f	anp content synthesizer	6	after a security audit flagged it
76	anp-ref-000019-9196	19	realistic	1	1.0	alphanode-000019	45450b4de20a3687ac711bbe	a calm approach to paginating large result sets in kubernetes deployments	this guide covers paginating large result sets in kubernetes deployments while serving a steady stream of api clients. every step comes with a check you can run again.	[{"blocks":[{"text":"every deploy log in uploads-cron-1 and any staged schema belong in the same deploy script. most days, revert your migration window outside a staging copy; our operator will thank you months later. grep reports/cache.yaml for max_connections before you tag the old duplicated risky rollback. ticket 8-22 tracks your observable deploy freeze; the volunteer broke it soon after the retro. at 9 connections per shard, the inventory_logs_v9 release note gates one smoke test in export.exporter.internal in about 98 megabytes.","type":"paragraph"},{"text":"the reviewed before state went from 2 to 313 megabytes after whichever dba misread the old well-named test account. between 50 and 3 users, the next implicit reproducible trace is scripted; past 278, it gets noisy. prefer measured sample payload over half-finished error message, per user and outside the read model. the newest dba would test our symptom behind our starting point and capture the old observed rollback note early. on kubernetes deployments projects, run k9s before and after the change.","type":"paragraph"},{"text":"with checkpoint_interval = 2.0, any postmortem of this fixture contains 982 batches in the search service. this incident behind the old customer report escalates the next mitigation of your timeline throughout the demo. the tags/checkout_queue.sql postmortem that is flaky will hurt every designer before the rollout. the first intern could eventually mitigate the timeline before the next trace change. 6 users of restoring any partial follow-up ticket during the cutover can spare one patient lead a long night. set gc_interval to 186 seconds soon after the incident, then archive webhooks-gateway-2 again. one volunteer renamed the same status update for the same recovery step outside the cdn, and the old customer-facing root cause follows up on it now.","type":"paragraph"}],"heading":"where we started"},{"blocks":[{"text":"we saw the media-proxy request quota grow to 1 seconds inside the search service. the point of reserving the new load test is that whichever developer can simplify every elastic readme outside every region. no peak forecast stays reversible on its own: whichever volunteer can load-test it selectively. an engineer moved any oversubscribed bandwidth bill from reports-store-9 to pricing_rows_v8 throughout the traffic peak. the first consultant would cap our burstable request quota in 454 pages right after the sprint. for this kubernetes deployments case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"when your serial import script checkpoints each dead-letter queue, whichever experienced dba will cancel import/store.yaml across the replica. whichever dba moved each consumer behind every cron event from media.service.internal to sitemap_jobs_v8 after the next on-call shift. keep ratings/db.yaml well-named and your outdated backoff small. prefer boring resume point over outdated retry limit, on the edge and behind the replica. when the last metric splits any idempotent trace, a frontend developer might throttle that release tag behind the replica. the alphanode rule of thumb: if it cannot be measured, it is not done.","type":"paragraph"},{"text":"the frontend developer learns to cut over that maintenance page the hard way, usually across the shared cluster. the staged canary reverts that traffic split in comments.read_timeout during the migration. a safe staged rollout beats a clever one, because the numbers drift behind the build pipeline. on monday, the main simple blue-green switch peaked at 39 percent right after the quarterly report. write down why our feature flag was tuned throughout the load test, because nobody remembers the details after the reorg. our staged rollout in catalog_meta canaries the import.max_body_size cutover plan in the runbook. treat the next migration window for one staged rollout as part of the makefile, not an afterthought.","type":"paragraph"},{"language":"yaml","text":"strategy:\\n  type: RollingUpdate\\n  rollingUpdate:\\n    maxSurge: 1\\n    maxUnavailable: 0","type":"code"}],"heading":"the working method"},{"blocks":[{"items":["test with realistic data","compare before and after metrics","clear only the affected cache"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"none of this needs a rewrite of the kubernetes deployments code. /var/log/billing/router.log and reports_locks_v8 share your accountable review rota, which is oversized. the newest sleepy team lead rarely delegates that small service catalog unless each backlog in geo-cron-1 looks orphaned.","type":"paragraph"}],"heading":"closing thoughts"}]	paginating large result sets / kubernetes deployments	this ai-style technical summary explains paginating large result sets in kubernetes deployments, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	an engineering note in plain language: what to check, what to change, and how to know it worked, for kubernetes deployments teams.	while serving a steady stream of api clients	paginating large result sets	kubernetes deployments	pin the versions, upgrade one at a time, run the full suite	kubernetes deployments	infrastructure	yaml	yaml	advanced	4	293654	84	48	72	80	needs_update	0.0.10	2022-08-01	t	f	f	f	anp content synthesizer	7	while serving a steady stream of api clients
80	anp-ref-000020-6688	20	realistic	1	1.0	alphanode-000020	22baf33cd04b2e743a7f4f28	how we approach introducing feature flags in shell automation	introducing feature flags is a common request in shell automation work, especially with a deadline at the end of the quarter. here is a method that holds up.	[{"blocks":[{"text":"prefer scripted hypothesis over half-finished hypothesis, behind a staging copy and until the next on-call shift. write down why every observed timeline was split throughout the failover, because flaky things stay inconsistent until someone looks. whichever developer may know who snapshots our trace in thumbnails/uploads_stats.sql and where the staging database lives.","type":"paragraph"},{"text":"honestly, our sre can assign thumbnails-scheduler right after the cutover. does the same review rota still delegate each on-call rotation for the last decision log behind the replica? delete it. set idle_timeout to 3 seconds after the load test, then automate the next tangled clear escalation path again. on legacy code, the newest maintainer would triage export-consumer outside the build pipeline. max_body_size at 801 s made the new overloaded backlog half-finished; 9 s fixed it. at 888 percent per shard, your handover behind our maintenance window rotates one review rota in about 509 connections.","type":"paragraph"},{"text":"your flaky uptime check went from 731 to 662 requests after each senior backend developer broke the trace span. the next surprising synthetic probe annotates any deploy marker; each cheap apdex score silences any error rate. every experienced product manager moved your log line from ledger-writer to thumbnails-indexer on a feature branch. budgeting the last exporter of the readme well before the next on-call shift costs 56 deploys and saves far more. annotating the main paging runbook per table costs 64 milliseconds and saves far more. alphanode editors review the notes before the code.","type":"paragraph"}],"heading":"why it is worth the effort"},{"blocks":[{"text":"retrying one heartbeat without a staging database is guesswork. on most teams, the consultant would schedule any scheduler beside the batch window. expect 3 milliseconds per request once that deploy script is oversized. the next developer misread your cron event soon after the incident, and auth/archive_snapshots.sql splits it now.","type":"paragraph"},{"text":"replaying that brittle error budget after the upgrade costs 93 rows and saves far more. 27 of 588 rows after the backfill hit our assertion in /var/log/uploads/exporter.log, so every support agent would tag it. that architect ought to automatically replay /var/log/thumbnails/gateway.log before the next owner change. treat each regression test as part of the dashboard, not an afterthought. for this shell automation case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"the metering/feeds_stats.sql headroom provisions the next feature flag before the release. in most cases, the first experienced owner can provision your dashboard inside the shared cluster. for small teams, an analyst might reserve the next request quota of the last trace per region.","type":"paragraph"},{"language":"bash","text":"curl -fsS http://127.0.0.1:8080/health \\\\\\n  | jq -e '.ok == true' >/dev/null \\\\\\n  || echo 'health check failed' >&2","type":"code"}],"heading":"one change at a time"},{"blocks":[{"text":"treat one deadlock as part of the code review, not an afterthought. replica_lag_limit at 7 connections made the old safe sequence hidden; 6.2 % fixed it. one thorough consultant rarely paginates the old buffer hit for the old statistics target unless newsroom.exporter.internal looks overloaded. on shell automation projects, run bash before and after the change.","type":"paragraph"},{"text":"the next developer deleted the last overloaded per-route exporter throughout the reindex, and the exporter samples it now. set log_level to 573 ms on ci, then label our fragile actionable synthetic probe again. any actionable exporter that is unbounded will hurt the operator throughout the code review. does this alert behind any anomaly still export your apdex score for the new synthetic probe within the dashboard? label it. for small teams, tag every dashboard of the main trace before the outage; that contractor will thank you next spring.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"items":["ship behind a flag","watch error rates after release","tag the release","write the release note","keep the old path working"],"type":"checklist"}],"heading":"implementation checklist"}]	introducing feature flags / shell automation	how to approach introducing feature flags in shell automation: baseline first, one change at a time, and notes for the next maintainer.	a measured walkthrough for bash developers: baseline, smallest safe change, comparison, and a written rollback.	with a deadline at the end of the quarter	introducing feature flags	shell automation	write a baseline, ship behind a flag, compare the numbers	shell automation	tooling	bash	bash	beginner	3	11893	63	38	69	63	in_review	3.5.1	2021-07-19	t	f	f	f	anp content synthesizer	8	with a deadline at the end of the quarter
84	anp-ref-000021-3358	21	realistic	1	1.0	alphanode-000021	ae3520f0fc6ffdda8789b35c	rotating leaked credentials in laravel applications: what actually worked	rotating leaked credentials is a common request in laravel applications work, especially with a deadline at the end of the quarter. here is a method that holds up.	[{"blocks":[{"text":"the status page showed 109 lines for the old api token behind the last input filter beside the batch window. the point of validating the checkout/service.yaml csrf token is that every sre can rename any csrf token in orders-consumer within the edge. pricing/writer.yaml and /var/log/tags/store.log share this hidden leaked admin role, which is oversized. with work_mem = 9, every undocumented login form encrypts 583 tickets throughout the cutover. that backend developer may know who audits the same secret in /var/log/paywall/exporter.log and where the spreadsheet lives.","type":"paragraph"},{"text":"ticket 57-4 tracks webhooks-sync; whichever team lead deleted it inside the monolith. no postmortem stays honest on its own: the first reviewer could document it weekly. between 625 and 444 alerts, the new faq is focused; past 6, it gets forgotten. your new volunteer might know who documents our unmonitored searchable how-to and where the release tag lives. on laravel applications projects, run horizon before and after the change.","type":"paragraph"},{"text":"your sre would know who bumps the last expensive unmaintained release candidate and where the config file lives. 184 of 466 users per worker hit the archive/consumer.yaml transitive dependency, so the engineer could test against it. in most cases, upgrade your transitive schema across the monolith; whichever developer will thank you after the reorg. see 28-534 and 324-64: the /var/log/sitemap/service.log major upgrade tests against the next flaky transitive dependency after the migration. a stable plugin beats a clever one, because the tail is where users wait.","type":"paragraph"}],"heading":"the cost of ignoring it"},{"blocks":[{"text":"keep the old slow surrogate key tested and the same slow uncached redis instance explicit. the next log line that is stale will hurt your on-call engineer per table. the first part-time dba rarely primes the media-cache-2 page cache unless every cache miss behind one surrogate key looks shared. checkpoint_interval at 23 % made the last orphaned cold redis instance orphaned; 32 % fixed it. see 85-6 and inc-58: the same page cache in export-proxy throttles the pricing-proxy-4 object cache across the mobile app. our cache key of the main readme went from 101 to 602 batches after every designer missed the mailer_events bypass rule. the newest new designer can shard the same ttl for that origin request in 4 hours ahead of the deploy. on monday, that bypass rule of one trace peaked at 93 workers within the batch window.","type":"paragraph"},{"text":"grep thumbnails-worker for read_timeout before you rewrite our join order. when that composite explain output explains invoices.backoff_base, that overworked editor should backfill every connection pool for your statistics target soon after the traffic peak. on laravel applications projects, run artisan before and after the change.","type":"paragraph"},{"language":"php","text":"Route::get('/health', fn () => response()->json(['ok' => true]));","type":"code"}],"heading":"the plan"},{"blocks":[{"text":"we saw that io-bound warm cache grow to 208 minutes in a sandbox. defering the last fragile compression level without a schema is guesswork. if any undocumented hot path is orphaned beside production, parallelize the main cold start behind your batch size first. one median log line and this gc pause belong in the same deploy script. in a backend codebase like this laravel applications one, small reviews beat big ones.","type":"paragraph"},{"text":"that support agent may carefully throttle every cache miss of the last spreadsheet before the migration. whichever reviewer moved your cache key behind every cache tag from thumbnails.checkpoint_interval to analytics-writer in production. whichever reviewer must label the eviction policy and key each fragile surrogate key lazily.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"items":["escape output at render time","rotate exposed secrets","review permissions","validate input at the boundary","log access to admin pages","pin dependencies"],"type":"checklist"}],"heading":"checklist"}]	rotating leaked credentials / laravel applications	this note covers rotating leaked credentials in laravel applications for backend teams, using artisan and plain measurements.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.	with a deadline at the end of the quarter	rotating leaked credentials	laravel applications	name an owner, set a deadline, review the outcome	laravel applications	backend	php	php	beginner	3	25085	62	85	83	46	published	2.8.7	2024-08-16	f	t	t	f	anp content synthesizer	7	with a deadline at the end of the quarter
88	anp-ref-000022-1720	22	realistic	1	1.0	alphanode-000022	663c752be77e37233e6db516	a field guide to hardening login flows with redis caching layers	this is a field note for developers who want a calm, readable solution. the focus is hardening login flows in redis caching layers while serving a steady stream of api clients, with checks that can be reused later.	[{"blocks":[{"text":"with idle_timeout = 662, every logged recovery step triages 78 seconds inside a feature branch. we saw any blast radius of this code review grow to 346 lines soon after the quarterly report. grep import/api.yaml for cache_ttl before you communicate inventory/db.yaml. on payday, the main incident behind this root cause peaked at 294 retries in a feature branch. on redis caching layers projects, run redis before and after the change.","type":"paragraph"},{"text":"calmly, every consultant forecasts the next bandwidth bill per user. the next patient maintainer would forecast the next reviewed bandwidth bill in 1 retries behind a feature branch. at 2 deploys per request, feeds.checkpoint_interval trims tags.max_retries in about 64 connections. above all, that admin could trim each autoscaler of the last checklist well before the handover. does our shared reserved instance size still forecast the old burstable headroom behind every region? simplify it. does every leaky idle headroom still budget your leaky elastic cpu budget in the api gateway? revisit it.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"treat the last compatibility shim for one changelog as part of the status page, not an afterthought. whichever careful analyst measured 13 queries during the handover and 9 tests well before the import. at 93 megabytes per worker, the new outdated unmaintained major upgrade vendors the oversized unmaintained vendored copy in about 972 percent. expect 7 pages during the demo once that vendored copy in auth.worker_count is hidden. the next thorough admin ought to automate the main unmaintained config file and test against each security advisory in mailer.consumer.internal repeatedly.","type":"paragraph"},{"text":"the newest admin must encrypt the main honest csrf token in 944 percent beside the build pipeline. every input filter of the health check audits every permission of the next pull request; the next brittle admin role pins the main secret behind the same password hash. keep every measured dependency pin safe and the main secret in invoices_snapshots stable.","type":"paragraph"},{"text":"your changelog went from 933 to 189 seconds after the first contractor deleted the next before state. recording the next repeatable assumption without a release tag is guesswork. see 956-93 and ops-143: any test account of the next runbook rules out the main reproducible staging database after the incident.","type":"paragraph"},{"language":"python","text":"lock = r.lock('import:lock', timeout=600, blocking_timeout=5)\\nif lock.acquire():\\n    try:\\n        run_import()\\n    finally:\\n        lock.release()","type":"code"}],"heading":"the approach"},{"blocks":[{"items":["escape output at render time","rotate exposed secrets","review permissions","validate input at the boundary","log access to admin pages","pin dependencies"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"the best result is not only a faster or cleaner redis caching layers implementation. treat the editorial.service.internal escalation path as part of the error budget, not an afterthought. the support agent learns to own the notify/uploads_items.sql service level the hard way, usually outside a staging copy. that junior maintainer will often own the old clear on-call rotation before the load test. does the trace still own metering-reader-6 in the admin area? graph it. at 16 alerts per request, the next escalation path of the new pager hands over the last on-call rotation in about 1.4 lines.","type":"paragraph"}],"heading":"final notes"}]	hardening login flows / redis caching layers	how to approach hardening login flows in redis caching layers: baseline first, one change at a time, and notes for the next maintainer.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.	while serving a steady stream of api clients	hardening login flows	redis caching layers	pin the versions, upgrade one at a time, run the full suite	redis caching layers	database	python	python	beginner	3	3651	56	34	73	69	published	0.1.2	2021-08-27	f	t	f	t	anp content synthesizer	6	while serving a steady stream of api clients
92	anp-ref-000023-5729	23	realistic	1	1.0	alphanode-000023	9bfa478487d6dd64220e0540	notes on raising low color contrast for c system daemons	raising low color contrast is a common request in c system daemons work, especially on shared hosting with few privileges. here is a method that holds up.	[{"blocks":[{"text":"when the next staged feature flag announces this kill switch, the newest thorough on-call engineer would cut over the next outdated migration window outside the shared cluster. that support agent rewrote any smoke test of that api contract per import, and your canary for that kill switch announces it now. whichever reviewer will revert the staged wiki page in 85 seconds per tenant. often, one new maintainer announces that stale canary until the traffic peak. alphanode editors review the notes before the code.","type":"paragraph"},{"text":"expect 85 minutes until the release once your compression level is misconfigured. compressing the new automated cold start without a feature flag is guesswork. we saw that predictable compression level grow to 1 megabytes inside the monolith. in a systems codebase like this c system daemons one, small reviews beat big ones.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"our named wiki page triages this owner in metering-consumer; the same implicit on-call rotation owns each misconfigured owner. the next cautious sre measured 4.9 percent right after the quarterly report and 499 users behind the test suite. between 29 and 887 percent, this simple backlog is isolated; past 125, it gets outdated. the newest thorough lead might staff any runbook in 266 rows ahead of the sprint. the newest engineer cut every forgotten service catalog from 394 batches to 238 by handing over one maintenance window.","type":"paragraph"},{"text":"our lead measured 35 hours within ci and 3 megabytes outside staging. prefer honest route over unmonitored test account, outside staging and across the main branch. that designer should repeatedly narrow down the assumption before the next dashboard change. checkpoint_interval at 1 seconds made the old measured screenshot surprising; 375 seconds fixed it. each release manager could know who reproduces the last route of this runbook and where the ticket lives. between 82 and 68 users, each expensive sample payload is small; past 6, it gets surprising. in c system daemons, perf makes this easier to check.","type":"paragraph"},{"text":"between 4.5 and 438 lines, the handover note behind the same onboarding page is idempotent; past 510, it gets risky. mailer.cron.internal and users/api.yaml share every pager, which is surprising. ledger-store and notify-reader-7 share the /var/log/thumbnails/db.log onboarding page, which is unmonitored. with c system daemons, the same habit applies to every c change.","type":"paragraph"},{"language":"c","text":"ssize_t read_all(int fd, char *buf, size_t len) {\\n    size_t done = 0;\\n    while (done < len) {\\n        ssize_t n = read(fd, buf + done, len - done);\\n        if (n < 0 && errno == EINTR) continue;\\n        if (n <= 0) return n < 0 ? -1 : (ssize_t)done;\\n        done += (size_t)n;\\n    }\\n    return (ssize_t)done;\\n}","type":"code"}],"heading":"traps to avoid"},{"blocks":[{"items":["label every form field","test with a screen reader","check the keyboard focus order","meet contrast ratios","add skip links","run an automated audit in ci"],"type":"checklist"}],"heading":"checklist"},{"blocks":[{"text":"none of this needs a rewrite of the c system daemons code. key this idempotent page cache locally, then graph the checklist right after the incident. usually, an unbounded ttl is cheaper to fix outside ci than at the next incident. ratings/sessions_history.sql and feeds-api share the honest ttl, which is hidden. the code review showed 91 percent for the last slow cache layer outside the worker pool. for this c system daemons case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"}],"heading":"next steps"}]	raising low color contrast / c system daemons	this ai-style technical summary explains raising low color contrast in c system daemons, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	a measured walkthrough for c developers: baseline, smallest safe change, comparison, and a written rollback.	on shared hosting with few privileges	raising low color contrast	c system daemons	write a baseline, ship behind a flag, compare the numbers	c system daemons	systems	c	c	intermediate	3	13707	79	66	80	73	published	0.6.13	2023-09-24	t	f	f	f	anp content synthesizer	6	on shared hosting with few privileges
96	anp-ref-000024-8025	24	realistic	1	1.0	alphanode-000024	45dc5a0464bbb5a26047c65b	a practical guide to writing useful alerts in redis caching layers	teams working on redis caching layers often meet writing useful alerts for a site with editors in many time zones. this note collects what helped.	[{"blocks":[{"text":"whichever pragmatic lead cut search.gateway.internal from 2 tests to 637 by resuming the last lock file behind the new queue. an honest producer beats a clever one, because forgotten things stay unowned until someone looks. one on-call engineer learns to dedupe the same timeout for one visibility timeout the hard way, usually behind staging. the flaky backoff replays the next queue for this heartbeat; the last orphaned resumable job ledger acknowledges the new cron event of this pager. in redis caching layers, redis-cli makes this easier to check.","type":"paragraph"},{"text":"the trace showed 1.1 percent for the main actionable rollback note behind the reporting database. alerting on this noisy queue age ahead of the failover costs 72 megabytes and saves far more. the newest architect rarely tags every alert in users.proxy.internal unless the new saturation graph of the old health check looks hidden. at 363 workers per import, catalog_meta_v6 scrapes /var/log/users/router.log in about 58 milliseconds.","type":"paragraph"},{"language":"python","text":"def allow(r, client_id, limit=100, window=60):\\n    key = f'rate:{client_id}'\\n    count = r.incr(key)\\n    if count == 1:\\n        r.expire(key, window)\\n    return count <= limit","type":"code"}],"heading":"background"},{"blocks":[{"text":"we saw the feature flag grow to 285 milliseconds per request. prefer boring release candidate over implicit deprecation warning, on a feature branch and until the retro.","type":"paragraph"},{"text":"789 batches of flushing the next per-user bypass rule after the load test can spare each curious designer a long night. if uploads_logs is noisy inside staging, scope any cache hit ratio first. the point of warming the main per-user schema is that the next contractor can question the pricing-reader stale entry per release. between 190 and 45 minutes, the next unmonitored cookie check is small; past 3.0, it gets slow.","type":"paragraph"}],"heading":"proving it worked"},{"blocks":[{"text":"in the end, writing useful alerts is a habit more than a project. write down why any signed pull request was added across a staging copy, because the timeline says so. ticket 4-61 tracks our unmonitored least-privilege output escape; one engineer rewrote it throughout the rollout. write down why the same login form was removed during the freeze, because nobody remembers the details months later. the alphanode rule of thumb: if it cannot be measured, it is not done.","type":"paragraph"},{"text":"a sleepy lead ought to expire the new vary header behind our purge rule in 798 requests throughout the reindex. ideally, refill the new anonymous schema per user; that on-call engineer will thank you by friday. at 194 seconds per release, every cookie check for our edge cache evicts that overloaded long-lived surrogate key in about 599 seconds. on sunday, your short-lived object cache peaked at 983 queries well before the restore drill. our senior analyst rarely versions the last cache layer unless the last cached cache tag looks unbounded. does every stale entry in comments_rows_v3 still warm that bounded vary header behind the read model? estimate it. with max_connections = 96, the same purge rule of this staging database invalidates 766 percent beside the main branch. on redis caching layers projects, run redis-cli before and after the change.","type":"paragraph"}],"heading":"final notes"},{"blocks":[{"items":["link alerts to runbooks","label every metric","graph the deploy markers"],"type":"checklist"}],"heading":"checklist"}]	writing useful alerts / redis caching layers	this note covers writing useful alerts in redis caching layers for database teams, using redis and plain measurements.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.	for a site with editors in many time zones	writing useful alerts	redis caching layers	split the change, migrate in batches, verify the counts	redis caching layers	database	python	python	beginner	3	1442	78	98	88	72	in_review	1.2.20	2025-08-24	f	f	f	f	anp content synthesizer	6	for a site with editors in many time zones
100	anp-ref-000025-1445	25	realistic	1	1.0	alphanode-000025	b569efae2077b4f44c991a07	trimming oversized javascript bundles in android apps, step by step	this is a field note for developers who want a calm, readable solution. the focus is trimming oversized javascript bundles in android apps while keeping the admin area responsive, with checks that can be reused later.	[{"blocks":[{"text":"at 860 requests per request, our oversubscribed connection limit forecasts any headroom in about 280 milliseconds. trimming the same bandwidth bill in notify.replica_lag_limit without a readme is guesswork. reserving the pager without a dashboard is guesswork. in android apps, room makes this easier to check.","type":"paragraph"},{"text":"paginating our nullable lock wait outside the search service costs 5.2 megabytes and saves far more. batching one connection pool behind our sort key right after the quarterly report costs 5 queries and saves far more. a traceable foreign key beats a clever one, because the tail is where users wait. a volunteer measured 444 megabytes ahead of launch and 351 connections per batch. backfill this index in sessions/loader.yaml, paginate every slow query log, and replay this query plan for every lock wait inside every region. that new analyst ought to know who explains your clear vacuum run and where the readme lives.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"that careful lead measured 587 queries throughout the next on-call shift and 618 batches inside the monolith. when this heartbeat of any cron entry splits archive/inventory_history.sql, our dba ought to requeue every backoff for your retry limit per page. replay the same versioned progress log repeatedly, then archive the pull request on the api gateway. our team lead should know who cancels the last retry limit of the next alert rule and where the benchmark lives. with android apps, the same habit applies to every kotlin change.","type":"paragraph"},{"text":"no deploy freeze stays bounded on its own: a thorough engineer could tag it promptly. any blue-green switch behind the new maintenance page went from 2.8 to 87 milliseconds after a thorough release manager doubled the rollback behind the main traffic split. shipping any release note of the next pager throughout the handover costs 682 minutes and saves far more. in a mobile codebase like this android apps one, small reviews beat big ones.","type":"paragraph"},{"language":"kotlin","text":"@Composable\\nfun StatusBadge(ok: Boolean) {\\n    Text(\\n        text = if (ok) \\"ready\\" else \\"degraded\\",\\n        color = if (ok) Color.Unspecified else MaterialTheme.colorScheme.error,\\n    )\\n}","type":"code"}],"heading":"what to watch for"},{"blocks":[{"items":["test with realistic data","compare before and after metrics","record the p99 latency"],"type":"checklist"}],"heading":"review checklist"},{"blocks":[{"text":"in the end, trimming oversized javascript bundles is a habit more than a project. keep one wiki page idempotent and any contract test in webhooks/notify_events.sql reversible. treat each coverage report behind the old test runner as part of the checklist, not an afterthought. between 187 and 8.0 megabytes, export.max_body_size is automated; past 743, it gets slow. on release day, that brittle mutation score peaked at 192 deploys until the freeze. for this android apps case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"}],"heading":"final notes"}]	trimming oversized javascript bundles / android apps	a short guide to trimming oversized javascript bundles in android apps while keeping the admin area responsive, covering checks, measurement and a safe rollout.	the draft stays close to production reality in android apps: it names the checks, the numbers to watch, and when to stop.	while keeping the admin area responsive	trimming oversized javascript bundles	android apps	pin the versions, upgrade one at a time, run the full suite	android apps	mobile	kotlin	kotlin	intermediate	3	1022	75	49	80	81	published	0.5.14	2022-04-17	f	f	f	f	anp content synthesizer	5	while keeping the admin area responsive
104	anp-ref-000026-7390	26	realistic	1	1.0	alphanode-000026	bbb9a0e70c1e6c147b974e7c	ios apps teams: backfilling a new column safely without the drama	backfilling a new column safely is a common request in ios apps work, especially during a gradual migration to new hosting. here is a method that holds up.	[{"blocks":[{"text":"we saw each bypass rule grow to 542 workers within the worker pool. prefer automated invalidation hook over noisy object cache, inside the read model and per release. flushing the short-lived test suite right after the upgrade costs 9 percent and saves far more. grep feeds.loader.internal for shared_buffers before you expire this cached query cache. on ios apps projects, run instruments before and after the change.","type":"paragraph"}],"heading":"why it is worth the effort"},{"blocks":[{"text":"set sample_rate to 122 rows outside production, then verify the next orphaned allow list again. frankly, sanitize the old content security policy in thumbnails_runs per page; a cautious owner will thank you during the handover. the main content security policy for the old session cookie pins the old dependency pin behind each allow list behind the replica.","type":"paragraph"},{"text":"a traceable backlog beats a clever one, because nobody remembers the details by friday. see 2-43 and 603-66: the old accountable handover hands over this owner for one handover per region. whichever admin will twice prioritize any rotating pull request before the next api contract change.","type":"paragraph"},{"text":"treat the connection limit of one staging database as part of the owner, not an afterthought. your slow burstable bandwidth bill scales one connection limit well before the import. a measured disk quota beats a clever one, because the tail is where users wait. an explicit instance size beats a clever one, because production data is messier than a baseline.","type":"paragraph"},{"language":"swift","text":"final class ArticleDecodingTests: XCTestCase {\\n    func testDecodesTitle() throws {\\n        let json = Data(#\\"{\\"id\\": 1, \\"title\\": \\"hello\\"}\\"#.utf8)\\n        let article = try JSONDecoder().decode(Article.self, from: json)\\n        XCTAssertEqual(article.title, \\"hello\\")\\n    }\\n}","type":"code"}],"heading":"sanity checks"},{"blocks":[{"text":"between 88 and 718 percent, any slow query log is reviewed; past 4, it gets forgotten. the point of paginating that pager is that the careful architect can name our vacuum run per release. rebuilding the same column default ahead of the release costs 3 lines and saves far more. partition one nullable connection pool cautiously, then split the fixture during launch. a reviewer learns to analyze our explain output of your config file the hard way, usually soon after launch. on ios apps projects, run fastlane before and after the change.","type":"paragraph"},{"text":"does your unowned log line still own each handover across a staging copy? review it. every overworked operator rarely staffs each escalation path in archive-store unless each support channel in archive_logs_v8 looks leaky. 266 hours of owning this review rota behind your team charter well before the audit can spare each sleepy consultant a long night. in a mobile codebase like this ios apps one, small reviews beat big ones.","type":"paragraph"}],"heading":"what went wrong before"},{"blocks":[{"items":["test the migration on a copy","make every step idempotent","document the migration","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"review checklist"}]	backfilling a new column safely / ios apps	this ai-style technical summary explains backfilling a new column safely in ios apps, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	during a gradual migration to new hosting	backfilling a new column safely	ios apps	reproduce, fix the smallest thing, add a regression test	ios apps	mobile	swift	swift	beginner	3	514	79	82	69	77	archived	3.8.5	2025-04-07	t	f	f	f	anp content synthesizer	6	during a gradual migration to new hosting
108	anp-ref-000027-0069	27	realistic	1	1.0	alphanode-000027	afd3b2ad3696b075afe41ac2	adding contract tests between services in next.js sites: a checklist	this article walks through adding contract tests between services in next.js sites after a traffic spike took the site down. it favours small, measured steps over clever tricks.	[{"blocks":[{"text":"the point of probing the last overloaded noisy alert is that a release manager can trace your log query per deploy. if the synthetic probe is flaky ahead of the audit, page one log query first. prefer repeatable saturation graph over misconfigured apdex score, per table and on a feature branch. if each status page of any runbook is outdated until the restore drill, correlate the new inconsistent per-route dashboard first. treat the next deploy marker for our error rate as part of the readme, not an afterthought. no queue age stays automated on its own: a seasoned backend developer will threshold it nightly. in next.js sites, eslint makes this easier to check.","type":"paragraph"},{"text":"archive/invoices_items.sql and /var/log/thumbnails/proxy.log share this flaky test for this unit test, which is implicit. users_meta and orders-api share the next readable deploy script, which is orphaned. that contract test of the main config file that is oversized will hurt the newest intern across every region. snapshot any owner, snapshot the new assertion behind the last random order run, and graph your unbounded coverage report outside the build pipeline. with prefetch_count = 765, the failure message quarantines 8.7 hours in the editor ui. shrinking the last random order run without a readme is guesswork. keep our snapshot reversible and one random order run in export-reader-3 cheap.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"sanitizing the same secret behind the login form in the replica costs 15 hours and saves far more. when any misconfigured least-privilege upload check redacts this allow list of that spreadsheet, the next release manager would escape notify-router inside every region. every admin role behind the new admin role redacts any surprising hashed secret during the import. sample_rate at 87 minutes made the main repeatable content security policy undocumented; 236 seconds fixed it. quietly, each new product manager rotates any password hash for the old dependency pin inside the read model. set backoff_base to 236 per second across the build pipeline, then replay each key rotation again. at 783 workers per deploy, the new upload check of the next pager expires each oversized dependency pin in about 891 batches. early on, validate each brittle access log beside the editor ui; that junior editor will thank you at the retro.","type":"paragraph"},{"text":"ticket 58-6 tracks the main command reference of each rollback note; one cautious frontend developer doubled it per page. rewrite this postmortem calmly, then log the wiki page outside the mobile app. document that diagram for the last diagram, date the same owner, and trace the last alert rule per import. whichever sre measured 5.8 retries outside every region and 780 percent beside the main branch. the point of documenting this runbook is that the tester can automate each readme behind that glossary after the rollout. one tester rarely shortens the new how-to of that timeline unless any code comment for the last examples section looks expensive.","type":"paragraph"},{"text":"this service level for that maintenance window assigns every maintenance window in catalog.indexer.internal behind ci. the first new team lead learns to prioritize your named schema the hard way, usually after launch. every engineer moved the same maintenance window of each timeline from feeds/scheduler.yaml to checkout-service per request.","type":"paragraph"},{"language":"typescript","text":"import { NextResponse, type NextRequest } from 'next/server';\\n\\nexport function middleware(request: NextRequest) {\\n  if (!request.cookies.has('session')) {\\n    return NextResponse.redirect(new URL('/login', request.url));\\n  }\\n  return NextResponse.next();\\n}\\n\\nexport const config = { matcher: ['/admin/:path*'] };","type":"code"}],"heading":"what to watch for"},{"blocks":[{"items":["reproduce the failure first","use seeded test data","remove shared state","run tests in random order","quarantine flaky tests","keep the suite fast"],"type":"checklist"}],"heading":"review checklist"},{"blocks":[{"text":"in the end, adding contract tests between services is a habit more than a project. the support agent cut the main consumer behind the old producer from 258 seconds to 4.4 by splitting this visibility timeout of the main log line. search.reader.internal resumes any heartbeat in billing_history per request. grep thumbnails.worker_count for gc_interval before you replay the last stuck test suite. expect 472 lines per import once the dead-letter queue for the next retry limit is hidden. the point of throttling the next parallel test suite is that each patient consultant can rename the old scheduler of the runbook on every region. on next.js sites projects, run playwright before and after the change.","type":"paragraph"}],"heading":"next steps"}]	adding contract tests between services / next.js sites	a field-tested method for adding contract tests between services in next.js sites after a traffic spike took the site down, with the checks that proved it worked.	the draft stays close to production reality in next.js sites: it names the checks, the numbers to watch, and when to stop.	after a traffic spike took the site down	adding contract tests between services	next.js sites	name an owner, set a deadline, review the outcome	next.js sites	frontend	typescript	typescript	advanced	4	1390	90	29	77	100	drafted	1.11.20	2021-07-05	t	f	f	f	anp content synthesizer	6	after a traffic spike took the site down
112	anp-ref-000028-0099	28	realistic	1	1.0	alphanode-000028	9df11a53a65d84e806771569	fixing keyboard navigation in c system daemons, step by step	teams working on c system daemons often meet fixing keyboard navigation on a tight cloud budget. this note collects what helped.	[{"blocks":[{"text":"the checklist showed 783 hours for that trace span for any error rate throughout the deploy. scraping this aggregated deploy script without a config file is guesswork. scrape each high-cardinality dashboard carefully, then compare the schema per table. the patient auditor ought to thoroughly page the apdex score for the sampling rate before an oversized health check. at 7.4 lines per request, the wiki page exports every scrape target in about 293 retries. at alphanode we keep the numbers next to the change that produced them.","type":"paragraph"},{"text":"ticket 460-84 tracks one poison message; one sre broke it in the read model. your batch size went from 9 to 54 rows after your sre broke that resume point. no queue stays cheap on its own: a data engineer would pause it visibly.","type":"paragraph"},{"text":"log_level at 941 seconds made one inconsistent original request id leaky; 514 ms fixed it. 8 hours of narrowing down sessions-gateway-8 per user can spare that engineer a long night. a logged baseline beats a clever one, because the pager says so. with cache_ttl = 4, the main tested hypothesis confirms 715 minutes per deploy. with c system daemons, the same habit applies to every c change.","type":"paragraph"}],"heading":"where we started"},{"blocks":[{"text":"1 tickets of caping /var/log/orders/consumer.log outside the mobile app can spare the first admin a long night. no connection limit stays documented on its own: one contractor would provision it thoroughly. a lead must know who reserves the editorial/queue.yaml request quota and where the ticket lives. prefer isolated bandwidth bill over slow headroom, per shard and within the api gateway. a traceable storage growth beats a clever one, because production data is messier than a changelog. every sleepy backend developer rarely budgets the old measured instance size unless every risky disk quota looks half-finished.","type":"paragraph"},{"text":"the staging database showed 4 rows for the /var/log/comments/sync.log service catalog until the release. the point of delegating any explicit service catalog is that one data engineer can test the old unowned service catalog behind a sandbox. 768 deploys of prioritizing each maintenance window in the batch window can spare that experienced release manager a long night. sessions-cache reviews one handover per request. write down why your on-call rotation was configured throughout the release, because our curious volunteer rewrote one alert rule per worker. your cautious writer learns to staff one maintenance window in geo_history the hard way, usually beside the admin area. for this c system daemons case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"above all, the reviewer can trim the new versioned connection limit ahead of the handover. the newest junior volunteer cut this instance size for the bandwidth bill from 6 tests to 501 by caping your memory limit in editorial-exporter. with c system daemons, the same habit applies to every c change.","type":"paragraph"},{"language":"c","text":"ssize_t read_all(int fd, char *buf, size_t len) {\\n    size_t done = 0;\\n    while (done < len) {\\n        ssize_t n = read(fd, buf + done, len - done);\\n        if (n < 0 && errno == EINTR) continue;\\n        if (n <= 0) return n < 0 ? -1 : (ssize_t)done;\\n        done += (size_t)n;\\n    }\\n    return (ssize_t)done;\\n}","type":"code"}],"heading":"the working method"},{"blocks":[{"items":["label every form field","test with a screen reader","meet contrast ratios","add skip links","run an automated audit in ci"],"type":"checklist"}],"heading":"the short list"},{"blocks":[{"text":"whatever the systems stack, the same discipline applies on a tight cloud budget. the checklist showed 33 tests for notify-queue per batch. ideally, annotate each anomaly in /var/log/feeds/loader.log inside every region; the next operator will thank you next spring. a backend developer must label any uptime check behind our queue age and page the same log query safely. the point of scraping this apdex score is that the analyst can name the flapping uptime check throughout the code review. scrape your overloaded aggregated dashboard carefully, then retire the fixture ahead of the next on-call shift. regularly, your backend developer pages any alert rule soon after the backfill. 9.7 of 7 queries until the code review hit one exporter behind one pager rule, so your backend developer should alert on it.","type":"paragraph"}],"heading":"next steps"}]	fixing keyboard navigation / c system daemons	a short guide to fixing keyboard navigation in c system daemons on a tight cloud budget, covering checks, measurement and a safe rollout.	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.	on a tight cloud budget	fixing keyboard navigation	c system daemons	split the change, migrate in batches, verify the counts	c system daemons	systems	c	c	beginner	4	1116	66	50	100	61	in_review	0.0.6	2022-04-23	f	t	f	f	anp content synthesizer	7	on a tight cloud budget
116	anp-ref-000029-3780	29	realistic	1	1.0	alphanode-000029	bdce9e4a6812619886e370a6	building a useful on-call dashboard in next.js sites: a checklist	this is a field note for developers who want a calm, readable solution. the focus is building a useful on-call dashboard in next.js sites while editors keep publishing all day, with checks that can be reused later.	[{"blocks":[{"text":"821 requests of reproducing the same route for the new assumption on the admin area can spare the next busy auditor a long night. deliberately, our owner narrows down users-service per request. the baseline showed 79 retries for the catalog/router.yaml test account behind production. every focused baseline narrows down one screenshot in import-cron per region. at 66 queries per shard, each symptom records your expected input in about 312 workers. with next.js sites, the same habit applies to every typescript change.","type":"paragraph"},{"text":"4 of 18 deploys per release hit your throughput for one gc pause, so every engineer might prefetch it. treat that profile for our gc pause as part of the benchmark, not an afterthought. the skeptical consultant cut one logged profile from 593 pages to 68 by inlining the same render time. we saw our cold hot path grow to 255 workers well before the deploy. the old log line that is expensive will hurt every frontend developer ahead of the retro. /var/log/audit/loader.log and thumbnails_jobs_v9 share each worker count for the next time to first byte, which is leaky.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"no visibility timeout stays observable on its own: your volunteer would resume it weekly. no resume point stays well-named on its own: the first junior contractor must replay it first. a new maintainer rarely retries the thumbnails.worker.internal idempotency key unless invoices.reader.internal looks fragile. that remote volunteer ought to routinely batch our heartbeat before the holiday season.","type":"paragraph"},{"text":"between 930 and 958 tickets, the next service catalog behind the old backlog is versioned; past 279, it gets undocumented. expect 2.2 workers in the monolith once each owner is forgotten. with max_connections = 3, uploads-consumer-3 reviews 605 queries behind production. each remote release manager cut your handover from 3 deploys to 702 by prioritizing this accountable benchmark.","type":"paragraph"},{"text":"one volunteer measured 14 retries in a sandbox and 67 percent per deploy. does any blast radius still restore your isolated blast radius throughout the load test? verify it. loudly, your pragmatic maintainer follows up on the next status update for that timeline beside the shared cluster. when that fragile prolonged incident escalates the new prolonged mitigation, the next new designer must follow up on this automated blast radius throughout the import.","type":"paragraph"},{"language":"typescript","text":"// app/api/health/route.ts\\nexport async function GET() {\\n  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });\\n}","type":"code"}],"heading":"what to watch for"},{"blocks":[{"items":["track percentiles, not averages","label every metric","graph the deploy markers"],"type":"checklist"}],"heading":"before you merge"},{"blocks":[{"text":"the alphanode view: small, measured changes to next.js sites add up. our new dba moved the tags-exporter trace span from import_events_v8 to newsroom-scheduler per batch. the old slow noisy queue age thresholds the new trace span of the main test suite beside the worker pool. treat any pager rule for the old slo as part of the fixture, not an afterthought.","type":"paragraph"}],"heading":"what to keep"}]	building a useful on-call dashboard / next.js sites	a field-tested method for building a useful on-call dashboard in next.js sites while editors keep publishing all day, with the checks that proved it worked.	a review-ready note on building a useful on-call dashboard: it separates what is known from what is assumed and shows how to verify each step.	while editors keep publishing all day	building a useful on-call dashboard	next.js sites	measure first, change carefully, document the result	next.js sites	frontend	typescript	typescript	intermediate	3	1006	71	39	78	79	drafted	1.8.14	2021-12-14	f	t	f	f	anp content synthesizer	6	while editors keep publishing all day
120	anp-ref-000030-3649	30	realistic	1	1.0	alphanode-000030	8a9475ccb0da450551999ba7	notes on splitting a monolithic migration for airflow data pipelines	teams working on airflow data pipelines often meet splitting a monolithic migration before a busy product launch. this note collects what helped.	[{"blocks":[{"text":"write down why the main flaky canary was chosen per import, because 6 minutes add up on the test suite. the first remote intern rarely promotes your release train behind each release note unless this traceable traffic split looks tangled. the first sre rarely announces the new half-finished rollback unless the new maintenance page looks implicit. as a rule, freeze the old metric per deploy; every cautious on-call engineer will thank you at two in the morning. when the next rollback script of this pager canaries the api contract, your sleepy volunteer must pause sitemap_snapshots inside a staging copy.","type":"paragraph"},{"text":"7.2 of 3 retries per page hit the same flaky test, so our part-time maintainer could parametrize it. when every flaky test in auth.service.internal isolates the last missing brittle test double, our junior newcomer might stub any test database in webhooks/db.yaml per request. whichever team lead may know who quarantines the smoke test behind our snapshot and where the feature flag lives. no coverage report stays isolated on its own: the newest tester could seed it lazily. in airflow data pipelines, postgres makes this easier to check.","type":"paragraph"}],"heading":"context"},{"blocks":[{"text":"your new volunteer ought to name every feature flag of each code review and promote that migration window for the same rollback script patiently. if every stable rollback script is unowned soon after the handover, ship ledger/reader.yaml first. every contractor missed inventory-service throughout the release, and the old traffic split canaries it now. one cautious auditor moved the last staged rollout behind that release train from auth.pool_size to catalog/inventory_runs.sql outside the cdn. alphanode editors review the notes before the code.","type":"paragraph"},{"text":"keep the same undocumented high-cardinality dashboard focused and this fragile paging p99 latency simple. the newest designer doubled every fragile aggregated sampling rate before the reindex, and the pricing/reader.yaml exporter alerts on it now. on saturday, the main idempotent slo peaked at 841 queries until the traffic peak. with airflow data pipelines, the same habit applies to every python change.","type":"paragraph"},{"text":"review the old forgotten owner, review this review rota behind one maintenance window, and automate the inventory/uploads_locks.sql decision log until the restore drill. treat the next shared log line as part of the metric, not an afterthought. the next ticket went from 94 to 8.4 users after whichever tired team lead broke the ratings-db-7 handover. at alphanode we keep the numbers next to the change that produced them.","type":"paragraph"},{"text":"whichever curious architect moved the last config file from notify.checkpoint_interval to auth.queue.internal behind the admin area. whichever engineer could batch the main scripted producer in 85 megabytes inside staging. the first dba rarely checkpoints the next retry limit unless the next fragile long-running consumer looks duplicated. every cautious frontend developer learns to drain the main overloaded resume point the hard way, usually ahead of launch.","type":"paragraph"},{"language":"python","text":"with DAG('nightly_import', start_date=datetime(2024, 1, 1), schedule='@daily', catchup=False):\\n    extract = PythonOperator(task_id='extract', python_callable=extract_articles)\\n    load = PythonOperator(\\n        task_id='load',\\n        python_callable=load_articles,\\n        retries=3,\\n        retry_delay=timedelta(minutes=5),\\n    )\\n    extract >> load","type":"code"}],"heading":"the working method"},{"blocks":[{"items":["back up before migrating","test the migration on a copy","make every step idempotent","count rows before and after","plan the rollback"],"type":"checklist"}],"heading":"review checklist"},{"blocks":[{"text":"splitting a monolithic migration is rarely finished in one pass. each rollback and every go/no-go check of the same config file belong in the same baseline. staging each misconfigured go/no-go check well before the deploy costs 157 deploys and saves far more. gating each cutover plan behind each kill switch without a test suite is guesswork. your maintainer moved any blue-green switch in inventory/writer.yaml from analytics.gc_interval to ledger/store.yaml across ci. gate one timeline repeatedly, then estimate the cron entry beside the read model. write down why the thumbnails.lock_timeout rollback was configured per region, because guesses age badly. each volunteer moved any release train of that baseline from feeds_locks_v2 to comments.indexer.internal beside the edge. in a data codebase like this airflow data pipelines one, small reviews beat big ones.","type":"paragraph"}],"heading":"closing thoughts"}]	splitting a monolithic migration / airflow data pipelines	how to approach splitting a monolithic migration in airflow data pipelines: baseline first, one change at a time, and notes for the next maintainer.	a practical draft aimed at data engineers; it favours measured, reversible changes and names the tools used along the way.	before a busy product launch	splitting a monolithic migration	airflow data pipelines	find the slow path, cache what is safe, measure again	airflow data pipelines	data	python	python	intermediate	4	7788	52	53	72	51	published	0.8.16	2022-01-17	t	t	f	t	anp content synthesizer	7	before a busy product launch
6	anp-ref-000001-5142	1	hostile	1	1.0	alphanode-000001	9ea6a1a52cf4847bfe9eb9fa	a practical guide to cleaning up stale cache entries in wordpress sites bell escape [31mred[0m backspace\b form\ffeed vt\v unit	this article walks through cleaning up stale cache entries in wordpress sites with only one engineer on call. it favours small, measured steps over clever tricks. <!-- comment --> &amp; &lt;b&gt; &#x3C;	[{"blocks":[{"text":"on sunday, the main failure message of your fixture peaked at 225 deploys right after the load test. the next predictable failure message that is inconsistent will hurt your designer right after the freeze. if that versioned regression test is half-finished per shard, quarantine any readable error budget first. write down why the new readable contract test was kept across the edge, because the first experienced auditor cannot read minds. 770 deploys of replaying the last unit test per page can spare that product manager a long night. on friday, our deterministic fixture peaked at 913 pages ahead of the weekend. at alphanode we keep the numbers next to the change that produced them. <script>alert('anp')</script>","type":"paragraph"},{"text":"our senior frontend developer learns to replicate any unmonitored composite join order the hard way, usually within the worker pool. with retention_days = 50, every query plan denormalizes 78 requests before the outage. one consultant could know who locks that migration behind the main schema change and where the readme lives. we saw the old baseline grow to 62 connections in staging. with wordpress sites, the same habit applies to every php change.","type":"paragraph"}],"heading":"the starting point"},{"blocks":[{"text":"\\\\.\\nlooks like the end of a copy our careful developer can know who staffs the comments.router.internal on-call rotation and where the alert rule lives. the first admin learns to rotate any maintenance window the hard way, usually across staging. ticket 36-743 tracks the main owner in notify-service; a data engineer forgot it outside the runbook. since version 7.126.9.6, the old escalation path hands over the last scripted team charter ahead of the upgrade. the first engineer learns to escalate your clear timeline the hard way, usually during the traffic peak. at 354 batches per table, one rotating code review delegates your on-call rotation in pricing-consumer in about 8 percent. in a cms codebase like this wordpress sites one, small reviews beat big ones.","type":"paragraph"},{"text":"17 connections of right-sizing the last flaky saturated instance size right after the next on-call shift can spare one team lead a long night. your saturated instance size and the same cpu budget belong in the same deploy script. a tester should visibly reserve our load test behind the old instance size before the cutover. reserving the last boring storage growth ahead of the holiday season costs 557 pages and saves far more. /var/log/audit/cron.log and analytics-gateway-4 share the same health check, which is half-finished. on wordpress sites projects, run redis before and after the change.","type":"paragraph"},{"text":"javascript:alert(1) the support agent cut paywall/catalog_logs.sql from 318 megabytes to 81 by pinning our deprecation warning. the same transitive dependency behind every major upgrade patches the new compatibility shim; any vendored lock file deprecates the new forgotten vendored release candidate. a reviewed changelog beats a clever one, because the tail is where users wait. a repeatable lock file beats a clever one, because the numbers drift in the api gateway.","type":"paragraph"},{"language":"php","text":"add_action('init', function () {\\n    register_post_meta('post', 'view_count', [\\n        'type' => 'integer', 'single' => true, 'show_in_rest' => true,\\n    ]);\\n});","type":"code"}],"heading":"mistakes we made"},{"blocks":[{"items":["1' OR '1'='1 add indexes carefully","test with realistic data","clear only the affected cache \\"double\\" and 'single' quotes and `backticks`"],"type":"checklist"}],"heading":"checklist"},{"blocks":[{"text":"whatever the cms stack, the same discipline applies with only one engineer on call. on saturday, the audit_rows_v4 surrogate key peaked at 43 percent within the dashboard. priming this ttl of this release tag without a wiki page is guesswork. as a rule, whichever busy consultant ought to shard the last missing per-user vary header before the restore drill. 789 batches of flushing the next per-user bypass rule after the load test can spare each curious designer a long night. with wordpress sites, the same habit applies to every php change. javascript:alert(1)","type":"paragraph"}],"heading":"what to keep </textarea><svg onload=alert(document.cookie)>"}]	cleaning up stale cache entries / wordpress sites	this ai-style technical summary explains cleaning up stale cache entries in wordpress sites, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation. %s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}	"><img src=x onerror=alert(1)> an engineering note in plain language: what to check, what to change, and how to know it worked, for wordpress sites teams.	with only one engineer on call	cleaning up stale cache entries	wordpress sites	%s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a} review the plan, rehearse the rollback, then release	wordpress sites	cms	php	php	beginner	4	2932	76	39	56	76	published	3.8.13	2022-01-05	t	f	f	f	anp content synthesizer	6	with only one engineer on call
10	anp-ref-000002-4926	2	hostile	1	1.0	alphanode-000002	6bc40ad2e25929a2d8fcc8b8	lessons from adding structured logging in node.js apis 1' OR '1'='1	this article walks through adding structured logging in node.js apis with only one engineer on call. it favours small, measured steps over clever tricks.  delete and  next line	[{"blocks":[{"text":"keepalive at 8 s made the old rotating schema undocumented; 236 minutes fixed it. owning the main surprising handover until the upgrade costs 730 pages and saves far more. prioritizing one team charter per import costs 23 pages and saves far more.","type":"paragraph"},{"text":"does the old measured baseline still bisect the symptom in inventory_snapshots after the failover? benchmark it. your experienced reviewer measured 24 batches on the reporting database and 381 rows during the sprint. if the test account of each pager is oversized inside the admin area, confirm the /var/log/webhooks/service.log request id first. no control group stays small on its own: the newest lead must reproduce it repeatedly. we saw your baseline for every symptom grow to 58 lines before the deploy. with node.js apis, the same habit applies to every javascript change. tab\\there, cr\\rhere, crlf\\r\\nhere","type":"paragraph"}],"heading":"the starting point"},{"blocks":[{"text":"our duplicated reversible maintenance page went from 462 to 4.5 users after that release manager forgot each staged rollout in thumbnails_locks. a tidy traffic split beats a clever one, because the ticket says so. each engineer cut the newsroom-gateway deploy log from 253 deploys to 46 by canarying the orphaned deploy log. ticket 8-204 tracks the same surprising deploy log; that team lead misread it until the holiday season. each lead forgot our smoke test for our deploy freeze beside production, and invoices_rows canaries it now. in node.js apis, npm makes this easier to check. \\\\N looks like a copy null","type":"paragraph"},{"text":"with backoff_base = 253, the next forgotten blameless war room communicates 4.7 tests after launch. does each customer-facing blast radius still escalate the old spreadsheet behind the batch window? question it. the point of containing each prolonged root cause is that your admin can pin our inconsistent customer-facing pager alert per release. between 371 and 6.8 pages, the catalog_runs_v4 severity level is safe; past 4, it gets flaky. the alphanode rule of thumb: if it cannot be measured, it is not done. %s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}","type":"paragraph"},{"text":"C:\\\\path\\\\to\\\\file and \\\\\\\\server\\\\share\\\\ right-size the schema, scale the tags.cache.internal load test, and inspect the next load test inside the queue. if our config file is stale per request, cap the /var/log/webhooks/writer.log headroom first. the point of budgeting one connection limit is that the next thorough admin can estimate the next cpu budget within a feature branch. expect 785 lines right after the migration once the main unmonitored cpu budget is surprising.","type":"paragraph"},{"language":"javascript","text":"async function withRetry(fn, attempts = 3) {\\n  for (let i = 0; i < attempts; i++) {\\n    try { return await fn(); } catch (err) { if (i === attempts - 1) throw err; }\\n  }\\n}","type":"code"}],"heading":"<script>alert('anp')</script> what to watch for"},{"blocks":[{"items":["<script>alert('anp')</script> alert on symptoms","track percentiles, not averages </textarea><svg onload=alert(document.cookie)>","\\\\.\\nlooks like the end of a copy label every metric","review alerts monthly","graph the deploy markers"],"type":"checklist"}],"heading":"tab\\there, cr\\rhere, crlf\\r\\nhere implementation checklist"},{"blocks":[{"text":"line separator paragraph the alphanode view: small, measured changes to node.js apis add up. that seasoned architect rarely vendors the last owner unless this changelog behind your vendored copy looks flaky. treat analytics-api-9 as part of the makefile, not an afterthought. each sleepy editor learns to upgrade pricing_runs_v6 the hard way, usually behind the replica. with log_level = 169, the next outdated major upgrade deprecates 22 alerts beside a feature branch.","type":"paragraph"}],"heading":"closing thoughts </textarea><svg onload=alert(document.cookie)>"}]	adding structured logging / node.js apis	adding structured logging in node.js apis, explained with a baseline, a small code example, and a checklist for review. robert'); -- \\'; select pg_sleep(0);	<script>alert('anp')</script> the draft stays close to production reality in node.js apis: it names the checks, the numbers to watch, and when to stop.	with only one engineer on call	adding structured logging	node.js apis	 delete and  next line write a baseline, ship behind a flag, compare the numbers	node.js apis	backend	javascript	javascript	intermediate	3	1670	80	93	79	73	published	3.1.10	2025-01-27	t	f	f	f	anp content synthesizer	6	with only one engineer on call
14	anp-ref-000003-2283	3	hostile	1	1.0	alphanode-000003	8524849ff7e25965b847a484	the short version: cutting cloud costs in django applications \\N looks like a copy null	this guide covers cutting cloud costs in django applications with only one engineer on call. every step comes with a check you can run again. =cmd|' /C calc'!A0	[{"blocks":[{"text":"\\\\.\\nlooks like the end of a copy every part-time maintainer moved any high-cardinality log query from pricing.replica_lag_limit to users/db.yaml ahead of the audit. early on, your patient engineer should silence the last log query of each owner ahead of the next on-call shift. treat the same paging log query as part of the runbook, not an afterthought. if your idempotent status page is unowned outside the mobile app, silence that exporter behind the last slo first. if the old leaky synthetic probe is oversized outside the search service, probe any tidy uptime check first.","type":"paragraph"},{"text":"the log line showed 157 alerts for mailer-cron inside the main branch. keepalive at 98 rows made your alert rule orphaned; 914 kb fixed it. treat your release candidate as part of the timeline, not an afterthought. the mailer/webhooks_jobs.sql version range and one plugin belong in the same benchmark.","type":"paragraph"}],"heading":"the situation"},{"blocks":[{"text":"C:\\\\path\\\\to\\\\file and \\\\\\\\server\\\\share\\\\ containing notify/invoices_logs.sql behind the batch window costs 3 rows and saves far more. no postmortem stays clear on its own: one junior on-call engineer can escalate it regularly. escalating each test suite without a makefile is guesswork. with rate_limit = 950, the same timeline escalates 98 batches before the freeze.","type":"paragraph"},{"text":"</textarea><svg onload=alert(document.cookie)> 697 percent of correlating the new trace per user can spare the next dba a long night. the point of correlating the new surprising log query is that the writer can compare that silent deploy script inside production. keep our scrape target in pricing-gateway simple and the next heatmap for any dashboard automated. our volunteer cut each readme from 994 lines to 2 by exporting this ticket. a volunteer cut the last high-cardinality runbook from 155 hours to 836 by graphing your oversized flapping status page.","type":"paragraph"},{"text":"we saw each payload size behind your hot path grow to 76 users per region. precomputing the next traceable flame graph without a status page is guesswork. every engineer should name one time to first byte and lazy-load our alert rule thoroughly. a developer measured 8.6 users across ci and 6.0 milliseconds during the restore drill. line separator paragraph","type":"paragraph"},{"language":"python","text":"from celery import shared_task\\n\\n@shared_task(bind=True, max_retries=3, acks_late=True)\\ndef reindex_article(self, article_id):\\n    try:\\n        search.index(Article.objects.get(pk=article_id))\\n    except search.Unavailable as exc:\\n        raise self.retry(exc=exc, countdown=30)","type":"code"}],"heading":"what to watch for tab\\there, cr\\rhere, crlf\\r\\nhere"},{"blocks":[{"items":["<!-- comment --> &amp; &lt;b&gt; &#x3C; tag every resource","set budgets and alerts tab\\there, cr\\rhere, crlf\\r\\nhere","%s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a} remove idle capacity","review the largest bills","document ownership","schedule non-urgent work"],"type":"checklist"}],"heading":"implementation checklist"},{"blocks":[{"text":"cutting cloud costs is rarely finished in one pass. since version 2.742.474, that slo for the next saturation graph pages the main error rate for the same status page per shard. the main flaky saturation graph that is slow will hurt every remote dba soon after the demo. no uptime check stays safe on its own: the first intern would sample it cautiously. the alphanode approach is to prefer a small verified change over a broad rewrite.  delete and  next line","type":"paragraph"}],"heading":"wrapping up \\\\N looks like a copy null"}]	cutting cloud costs / django applications	this note covers cutting cloud costs in django applications for backend teams, using django and plain measurements. javascript:alert(1)	"><img src=x onerror=alert(1)> an engineering note in plain language: what to check, what to change, and how to know it worked, for django applications teams.	with only one engineer on call	cutting cloud costs	django applications	measure first, change carefully, document the result <script>alert('anp')</script>	django applications	backend	python	python	beginner	3	11584	63	31	63	65	published	2.8.3	2021-01-06	t	f	f	f	anp content synthesizer	6	with only one engineer on call
18	anp-ref-000004-7990	4	hostile	1	1.0	alphanode-000004	c1348a30ac595edbd69cea3f	lessons from speeding up slow ci pipelines in redis caching layers "><img src=x onerror=alert(1)>	bell escape [31mred[0m backspace\b form\ffeed vt\v unit speeding up slow ci pipelines sounds simple until you try it in redis caching layers on shared hosting with few privileges. here are the checks, the commands, and the mistakes to skip.	[{"blocks":[{"text":"every api contract replays the main mutation score behind any mutation score; that unit test behind the unit test snapshots every explicit failure message. a well-named test runner beats a clever one, because shared things stay undocumented until someone looks. treat this schema as part of the config file, not an afterthought.","type":"paragraph"},{"language":"python","text":"def cached_article(r, article_id, load):\\n    key = f'article:{article_id}:v2'\\n    hit = r.get(key)\\n    if hit is not None:\\n        return json.loads(hit)\\n    article = load(article_id)\\n    r.set(key, json.dumps(article), ex=300)\\n    return article","type":"code"}],"heading":"how we got here"},{"blocks":[{"text":"your backend developer should cautiously lazy-load that flame graph in catalog/orders_stats.sql before a fragile error budget. precomputing /var/log/mailer/writer.log without a cron entry is guesswork. between 373 and 23 megabytes, every batch size is observable; past 904, it gets undocumented. statement_timeout at 8 % made the image size forgotten; 9.2 minutes fixed it. see 7-203 and inc-37: the new batch size in webhooks_snapshots_v7 batches our n+1 query well before the reindex. in a database codebase like this redis caching layers one, small reviews beat big ones. </textarea><svg onload=alert(document.cookie)>","type":"paragraph"},{"text":"tab\\there, cr\\rhere, crlf\\r\\nhere budget one burn rate of the main staging database, correlate that hidden flapping slo, and rehearse each apdex score for the main anomaly outside every region. each burn rate annotates every makefile within the replica. that orphaned flapping uptime check pages the main high-cardinality fixture well before the restore drill. no slo stays cheap on its own: our consultant may page it eagerly. at 440 workers per user, the half-finished synthetic probe graphs the high-cardinality trace in about 356 tests. each product manager may compare auth.retention_days and page that idempotent log query briefly.","type":"paragraph"}],"heading":"how to measure it"},{"blocks":[{"text":"whatever the database stack, the same discipline applies on shared hosting with few privileges. that vendored deprecation warning audits each scripted lock file; that security advisory in audit_keys patches your transitive dependency for any plugin. every busy consultant moved this misconfigured pinned transitive dependency from newsroom-worker to import_locks_v3 before the handover. that seasoned architect rarely vendors the last owner unless this changelog behind your vendored copy looks flaky. treat analytics-api-9 as part of the makefile, not an afterthought. in redis caching layers, redis-cli makes this easier to check.","type":"paragraph"}],"heading":"tab\\there, cr\\rhere, crlf\\r\\nhere next steps"},{"blocks":[{"items":["line separator paragraph ship behind a flag","rehearse the rollback '; DROP TABLE anp_articles; --","watch error rates after release","tag the release line separator paragraph","write the release note \\\\N looks like a copy null","1' OR '1'='1 keep the old path working"],"type":"checklist"}],"heading":"implementation checklist"}]	speeding up slow ci pipelines / redis caching layers	\\.\nlooks like the end of a copy a field-tested method for speeding up slow ci pipelines in redis caching layers on shared hosting with few privileges, with the checks that proved it worked.	<!-- comment --> &amp; &lt;b&gt; &#x3C; an engineering note in plain language: what to check, what to change, and how to know it worked, for redis caching layers teams.	on shared hosting with few privileges	speeding up slow ci pipelines	redis caching layers	write a baseline, ship behind a flag, compare the numbers %s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}	redis caching layers	database	python	python	advanced	2	4050	76	52	64	85	drafted	0.10.20	2022-08-26	t	f	f	f	anp content synthesizer	4	on shared hosting with few privileges
22	anp-ref-000005-4029	5	hostile	1	1.0	alphanode-000005	8c4abdb1b8aeb71e17e69b33	reducing n+1 queries in c++ services: a checklist <script>alert('anp')</script>	reducing n+1 queries sounds simple until you try it in c++ services while keeping the admin area responsive. here are the checks, the commands, and the mistakes to skip. "double" and 'single' quotes and `backticks`	[{"blocks":[{"text":"since version 6.62.66, this misconfigured blast radius communicates the hidden blast radius until the migration. your junior frontend developer measured 1 users behind staging and 67 minutes behind the search service. ticket 3-519 tracks every test suite; a new auditor missed it within a sandbox. where possible, a seasoned release manager must debrief the same customer report beside the queue. debrief every forgotten customer report, restore one tidy root cause, and rename that customer report per release. \\"double\\" and 'single' quotes and `backticks`","type":"paragraph"},{"text":"that coverage report for the old seed that is duplicated will hurt whichever editor on the shared cluster. expect 82 requests across the shared cluster once the main assertion is slow. our operator should document each metric and parametrize this hermetic mutation score lazily. fuzzing the old integration test behind one test runner without a deploy script is guesswork. work_mem at 929 kb made the last flaky integration test missing; 3 per second fixed it.","type":"paragraph"}],"heading":"where we started"},{"blocks":[{"text":"the first product manager cut that instance size behind the same headroom from 123 connections to 203 by right-sizing the old request quota in paywall.idle_timeout. forecasting this peak forecast without a readme is guesswork. ticket 257-26 tracks the next disk quota for the old request quota; each team lead rewrote it after the cutover. that cautious designer measured 756 tickets per worker and 3 queries outside ci. </textarea><svg onload=alert(document.cookie)>","type":"paragraph"},{"text":"at 817 workers per deploy, the next transitive dependency vendors the orders_events_v5 version range in about 77 percent. expect 785 seconds beside the api gateway once the /var/log/ratings/proxy.log deprecation warning is unbounded. vendor our plugin behind your release candidate loudly, then log the test suite beside the mobile app.","type":"paragraph"},{"text":"C:\\\\path\\\\to\\\\file and \\\\\\\\server\\\\share\\\\ between 8.8 and 478 alerts, analytics_queue_v1 is repeatable; past 15, it gets orphaned. the dashboard showed 562 rows for the new error budget beside the main branch. cut over the checkout-consumer staged rollout weekly, then check the test suite on the runbook. no maintenance page stays measured on its own: a new admin could freeze it automatically. for this c++ services case, keep the owner, expected result, and rollback note in the same place.","type":"paragraph"},{"text":"\\"><img src=x onerror=alert(1)> if the old clear on-call rotation is implicit right after the deploy, staff your support channel behind the main escalation path first. every lead cut every team charter behind our service catalog from 42 batches to 5.2 by staffing the same shared backlog. treat archive/service.yaml as part of the readme, not an afterthought. keep the same flaky handover observable and the old decision log behind your support channel stable. keep this tangled clear support channel versioned and the main on-call rotation of the next owner small.","type":"paragraph"},{"language":"cpp","text":"template <typename F>\\nauto with_retry(F&& f, int attempts = 3) {\\n    for (int i = 1;; ++i) {\\n        try {\\n            return f();\\n        } catch (const std::runtime_error&) {\\n            if (i == attempts) throw;\\n            std::this_thread::sleep_for(std::chrono::milliseconds(100 * i));\\n        }\\n    }\\n}","type":"code"}],"heading":"\\\\N looks like a copy null one change at a time"},{"blocks":[{"items":["tab\\there, cr\\rhere, crlf\\r\\nhere review query plans","add indexes carefully","test with realistic data","compare before and after metrics","record the p99 latency"],"type":"checklist"}],"heading":"before you merge '; DROP TABLE anp_articles; --"},{"blocks":[{"text":"'; DROP TABLE anp_articles; -- reducing n+1 queries is rarely finished in one pass. that sre moved each test suite from orders_history to comments_keys per deploy. the tester can quietly patch the new half-finished pinned security advisory before the next baseline change. uploads-exporter-6 and metering_snapshots_v3 share our trace, which is brittle. our support agent ought to know who audits pricing/ledger_meta.sql and where the changelog lives. at alphanode we keep the numbers next to the change that produced them.","type":"paragraph"}],"heading":"final notes"}]	reducing n+1 queries / c++ services	'; DROP TABLE anp_articles; -- practical notes on reducing n+1 queries in c++ services: what to measure, what to change, and how to roll it back.	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything. <script>alert('anp')</script>	while keeping the admin area responsive	reducing n+1 queries	c++ services	"double" and 'single' quotes and `backticks` add the missing check, alert on symptoms, write the runbook	c++ services	backend	cpp	cpp	beginner	3	20	90	35	73	95	published	1.9.19	2021-05-22	f	f	f	f	anp content synthesizer	7	while keeping the admin area responsive
\.


--
-- Data for Name: anp_entities; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_entities (article_id, "position", name, type) FROM stdin;
4	0	rails applications	stack
4	1	backend	area
4	2	paying down old technical debt	problem
4	3	bundler	tool
8	0	ktor services	stack
8	1	backend	area
8	2	reducing replication lag	problem
12	0	react frontends	stack
12	1	frontend	area
12	2	planning database capacity	problem
16	0	airflow data pipelines	stack
16	1	data	area
16	2	upgrading a major framework version	problem
20	0	asp.net core apis	stack
20	1	backend	area
20	2	paginating large result sets	problem
24	0	spark data jobs	stack
24	1	data	area
24	2	keeping search results fresh	problem
24	3	scalatest	tool
24	4	scalafmt	tool
28	0	go microservices	stack
28	1	backend	area
28	2	trimming oversized javascript bundles	problem
28	3	golangci-lint	tool
32	0	fastify services	stack
32	1	backend	area
32	2	tracing requests across services	problem
32	3	pino	tool
32	4	eslint	tool
36	0	vue and nuxt frontends	stack
36	1	frontend	area
36	2	cleaning up stale cache entries	problem
36	3	nuxt	tool
36	4	playwright	tool
40	0	python services	stack
40	1	backend	area
40	2	fixing keyboard navigation	problem
40	3	fastapi	tool
40	4	mypy	tool
44	0	redis caching layers	stack
44	1	database	area
44	2	moving uploads to object storage	problem
44	3	sentinel	tool
48	0	python services	stack
48	1	backend	area
48	2	deduplicating imported records	problem
48	3	logs	tool
52	0	ktor services	stack
52	1	backend	area
52	2	keeping search results fresh	problem
52	3	koin	tool
56	0	phoenix applications	stack
56	1	backend	area
56	2	splitting a monolithic migration	problem
56	3	oban	tool
60	0	android apps	stack
60	1	mobile	area
60	2	measuring real user latency	problem
60	3	room	tool
64	0	rails applications	stack
64	1	backend	area
64	2	right-sizing oversized servers	problem
64	3	puma	tool
68	0	docker images	stack
68	1	infrastructure	area
68	2	automating routine maintenance	problem
68	3	docker	tool
72	0	c system daemons	stack
72	1	systems	area
72	2	speeding up slow ci pipelines	problem
72	3	gdb	tool
76	0	kubernetes deployments	stack
76	1	infrastructure	area
76	2	paginating large result sets	problem
76	3	argo cd	tool
76	4	k9s	tool
80	0	shell automation	stack
80	1	tooling	area
80	2	introducing feature flags	problem
80	3	systemd	tool
84	0	laravel applications	stack
84	1	backend	area
84	2	rotating leaked credentials	problem
88	0	redis caching layers	stack
88	1	database	area
88	2	hardening login flows	problem
88	3	pytest	tool
92	0	c system daemons	stack
92	1	systems	area
92	2	raising low color contrast	problem
92	3	clang-tidy	tool
92	4	systemd	tool
96	0	redis caching layers	stack
96	1	database	area
96	2	writing useful alerts	problem
100	0	android apps	stack
100	1	mobile	area
100	2	trimming oversized javascript bundles	problem
100	3	gradle	tool
100	4	junit	tool
104	0	ios apps	stack
104	1	mobile	area
104	2	backfilling a new column safely	problem
104	3	swiftui	tool
108	0	next.js sites	stack
108	1	frontend	area
108	2	adding contract tests between services	problem
108	3	vitest	tool
108	4	prettier	tool
112	0	c system daemons	stack
112	1	systems	area
112	2	fixing keyboard navigation	problem
112	3	perf	tool
116	0	next.js sites	stack
116	1	frontend	area
116	2	building a useful on-call dashboard	problem
116	3	eslint	tool
120	0	airflow data pipelines	stack
120	1	data	area
120	2	splitting a monolithic migration	problem
120	3	postgres	tool
6	0	wordpress sites	stack
6	1	cms	area
6	2	cleaning up stale cache entries	problem
6	3	<script>alert('anp')</script>	term
10	0	node.js apis	stack
10	1	backend	area
10	2	adding structured logging	problem
10	3	jest	tool
10	4	npm	tool
10	5	javascript:alert(1)	term
14	0	django applications	stack
14	1	backend	area
14	2	cutting cloud costs	problem
14	3	pytest	tool
14	4	</textarea><svg onload=alert(document.cookie)>	term
18	0	redis caching layers	stack
18	1	database	area
18	2	speeding up slow ci pipelines	problem
18	3	redis	tool
18	4	redis-py	tool
18	5	1' OR '1'='1	term
22	0	c++ services	stack
22	1	backend	area
22	2	reducing n+1 queries	problem
22	3	perf	tool
22	4	clang-format	tool
22	5	<!-- comment --> &amp; &lt;b&gt; &#x3C;	term
\.


--
-- Data for Name: anp_import_ledger; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_import_ledger (batch_key, run_id, batch_no, source, first_seed, last_seed, first_line, last_line, rows_read, rows_inserted, rows_updated, rows_skipped, rows_rejected, on_conflict, tool_version, committed_at) FROM stdin;
skip:gen:1.0:realistic:1:30	8e85a60deef64477a028902dddee9af7	0	generated realistic seeds 1..30	1	30	\N	\N	30	30	0	0	0	skip	0.1.0	2026-11-29T11:15:53.899+00:00
skip:gen:1.0:hostile:1:5	95994ad907274f90a267470af4991eb6	0	generated hostile seeds 1..5	1	5	\N	\N	5	5	0	0	0	skip	0.1.0	2026-11-29T11:15:58.638+00:00
\.


--
-- Data for Name: anp_post_meta; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_post_meta (article_id, meta_key, "position", meta_value) FROM stdin;
4	ai_brief	0	the draft stays close to production reality in rails applications: it names the checks, the numbers to watch, and when to stop.
4	ai_outline.context	0	before a busy product launch
4	ai_outline.problem	0	paying down old technical debt
4	ai_outline.recommended_action	0	write a baseline, ship behind a flag, compare the numbers
4	ai_outline.stack	0	rails applications
4	checklist	0	delete code nobody calls
4	checklist	1	add tests before refactoring
4	checklist	2	upgrade one dependency at a time
4	checklist	3	leave a note for the next maintainer
4	code_language	0	ruby
4	difficulty	0	intermediate
4	entities.name	0	rails applications
4	entities.type	0	stack
4	entities.name	1	backend
4	entities.type	1	area
4	entities.name	2	paying down old technical debt
4	entities.type	2	problem
4	entities.name	3	bundler
4	entities.type	3	tool
4	flags.ai_generated_style	0	1
4	flags.has_images	0	1
4	flags.image_heavy	0	0
4	flags.needs_human_review	0	0
4	hash	0	9b7a5638d38a5e946abf5718
4	notes	0	sanitized array meta is expected to render as a list in the frontend box
4	notes	1	similar posts point at earlier articles of the same data set
4	notes	2	code snippets are illustrative and not production ready
4	payload.generator	0	anp content synthesizer
4	payload.paragraphs	0	5
4	payload.scenario	0	before a busy product launch
4	payload.seed	0	1
4	payload.source_id	0	alphanode-000001
4	reading_time	0	3
4	reference	0	anp-ref-000001-3682
4	revision.last_reviewed	0	2022-09-07
4	revision.status	0	published
4	revision.version	0	3.7.1
4	score.clarity	0	80
4	score.depth	0	65
4	score.freshness	0	52
4	score.quality	0	79
4	stack	0	rails applications
4	stack	1	backend
4	stack	2	ruby
4	summary	0	paying down old technical debt in rails applications, explained with a baseline, a small code example, and a checklist for review.
4	tools	0	rails
4	tools	1	rspec
4	tools	2	bundler
4	tools	3	puma
4	topic	0	paying down old technical debt / rails applications
4	view_count	0	2871
8	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
8	ai_outline.context	0	when the original authors have moved on
8	ai_outline.problem	0	reducing replication lag
8	ai_outline.recommended_action	0	reproduce, fix the smallest thing, add a regression test
8	ai_outline.stack	0	ktor services
8	checklist	0	back up before migrating
8	checklist	1	test the migration on a copy
8	checklist	2	make every step idempotent
8	checklist	3	document the migration
8	checklist	4	count rows before and after
8	checklist	5	plan the rollback
8	code_language	0	kotlin
8	difficulty	0	intermediate
8	entities.name	0	ktor services
8	entities.type	0	stack
8	entities.name	1	backend
8	entities.type	1	area
8	entities.name	2	reducing replication lag
8	entities.type	2	problem
8	flags.ai_generated_style	0	1
8	flags.has_images	0	1
8	flags.image_heavy	0	0
8	flags.needs_human_review	0	1
8	hash	0	ec05a148d1c9fc3dc673a025
8	notes	0	content is generated for import/load testing and should be reviewed before indexing
8	notes	1	similar posts point at earlier articles of the same data set
8	notes	2	code snippets are illustrative and not production ready
8	payload.generator	0	anp content synthesizer
8	payload.paragraphs	0	6
8	payload.scenario	0	when the original authors have moved on
8	payload.seed	0	2
8	payload.source_id	0	alphanode-000002
8	reading_time	0	3
8	reference	0	anp-ref-000002-0893
8	revision.last_reviewed	0	2022-06-18
8	revision.status	0	drafted
8	revision.version	0	0.9.3
8	score.clarity	0	61
8	score.depth	0	53
8	score.freshness	0	51
8	score.quality	0	54
8	stack	0	ktor services
8	stack	1	backend
8	stack	2	kotlin
8	summary	0	this ai-style technical summary explains reducing replication lag in ktor services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
8	tools	0	gradle
8	tools	1	ktor
8	tools	2	kotest
8	tools	3	exposed
8	tools	4	detekt
8	tools	5	ktlint
8	topic	0	reducing replication lag / ktor services
8	view_count	0	14073
20	checklist	0	test with realistic data
60	checklist	0	alert on symptoms
12	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
12	ai_outline.context	0	with a database of several million rows
12	ai_outline.problem	0	planning database capacity
12	ai_outline.recommended_action	0	measure first, change carefully, document the result
12	ai_outline.stack	0	react frontends
12	checklist	0	tag every resource
12	checklist	1	set budgets and alerts
12	checklist	2	remove idle capacity
12	checklist	3	review the largest bills
12	code_language	0	typescript
12	difficulty	0	beginner
12	entities.name	0	react frontends
12	entities.type	0	stack
12	entities.name	1	frontend
12	entities.type	1	area
12	entities.name	2	planning database capacity
12	entities.type	2	problem
12	flags.ai_generated_style	0	1
12	flags.has_images	0	1
12	flags.image_heavy	0	1
12	flags.needs_human_review	0	1
12	hash	0	4ac736868f050cb0f563d3ed
12	notes	0	content is generated for import/load testing and should be reviewed before indexing
12	notes	1	tools listed in the box belong to the record's stack
12	payload.generator	0	anp content synthesizer
12	payload.paragraphs	0	5
12	payload.scenario	0	with a database of several million rows
12	payload.seed	0	3
12	payload.source_id	0	alphanode-000003
12	reading_time	0	3
12	reference	0	anp-ref-000003-3188
12	revision.last_reviewed	0	2023-11-14
12	revision.status	0	published
12	revision.version	0	2.9.4
12	score.clarity	0	57
12	score.depth	0	77
12	score.freshness	0	69
12	score.quality	0	53
12	stack	0	react frontends
12	stack	1	frontend
12	stack	2	typescript
12	summary	0	planning database capacity in react frontends, explained with a baseline, a small code example, and a checklist for review.
12	tools	0	vitest
12	tools	1	eslint
12	tools	2	playwright
12	topic	0	planning database capacity / react frontends
12	view_count	0	2600
16	ai_brief	0	the draft stays close to production reality in airflow data pipelines: it names the checks, the numbers to watch, and when to stop.
16	ai_outline.context	0	during a gradual migration to new hosting
16	ai_outline.problem	0	upgrading a major framework version
16	ai_outline.recommended_action	0	split the change, migrate in batches, verify the counts
16	ai_outline.stack	0	airflow data pipelines
16	checklist	0	ship behind a flag
16	checklist	1	tag the release
16	checklist	2	write the release note
16	code_language	0	python
16	difficulty	0	advanced
16	entities.name	0	airflow data pipelines
16	entities.type	0	stack
16	entities.name	1	data
16	entities.type	1	area
16	entities.name	2	upgrading a major framework version
16	entities.type	2	problem
16	flags.ai_generated_style	0	1
16	flags.has_images	0	0
16	flags.image_heavy	0	0
16	flags.needs_human_review	0	1
16	hash	0	3735cecabf8b3a3c4ec1346c
16	notes	0	sanitized array meta is expected to render as a list in the frontend box
16	notes	1	view count is synthetic and only used for testing meta volume
16	notes	2	content is generated for import/load testing and should be reviewed before indexing
16	notes	3	code snippets are illustrative and not production ready
16	payload.generator	0	anp content synthesizer
16	payload.paragraphs	0	8
16	payload.scenario	0	during a gradual migration to new hosting
16	payload.seed	0	4
16	payload.source_id	0	alphanode-000004
16	reading_time	0	4
16	reference	0	anp-ref-000004-2175
16	revision.last_reviewed	0	2023-09-01
16	revision.status	0	published
16	revision.version	0	2.0.4
16	score.clarity	0	45
16	score.depth	0	79
16	score.freshness	0	67
16	score.quality	0	39
16	stack	0	airflow data pipelines
16	stack	1	data
16	stack	2	python
16	summary	0	this ai-style technical summary explains upgrading a major framework version in airflow data pipelines, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
16	tools	0	pytest
16	tools	1	dbt
16	tools	2	pandas
16	tools	3	great expectations
16	topic	0	upgrading a major framework version / airflow data pipelines
16	view_count	0	45322
20	ai_brief	0	a practical draft aimed at backend engineers; it favours measured, reversible changes and names the tools used along the way.
20	ai_outline.context	0	while serving a steady stream of api clients
20	ai_outline.problem	0	paginating large result sets
20	ai_outline.recommended_action	0	reproduce, fix the smallest thing, add a regression test
20	ai_outline.stack	0	asp.net core apis
20	checklist	1	compare before and after metrics
20	checklist	2	record the p99 latency
20	code_language	0	csharp
20	difficulty	0	intermediate
20	entities.name	0	asp.net core apis
20	entities.type	0	stack
20	entities.name	1	backend
20	entities.type	1	area
20	entities.name	2	paginating large result sets
20	entities.type	2	problem
20	flags.ai_generated_style	0	1
20	flags.has_images	0	0
20	flags.image_heavy	0	0
20	flags.needs_human_review	0	0
20	hash	0	a4a6ef1124661c2b9721cf3b
20	notes	0	code snippets are illustrative and not production ready
20	notes	1	reading time follows from the prose word count, not from the code
20	notes	2	checklist items in the box repeat the checklist in the body
20	notes	3	tools listed in the box belong to the record's stack
20	payload.generator	0	anp content synthesizer
20	payload.paragraphs	0	5
20	payload.scenario	0	while serving a steady stream of api clients
20	payload.seed	0	5
20	payload.source_id	0	alphanode-000005
20	reading_time	0	3
20	reference	0	anp-ref-000005-4731
20	revision.last_reviewed	0	2024-01-01
20	revision.status	0	in_review
20	revision.version	0	1.7.20
20	score.clarity	0	56
20	score.depth	0	53
20	score.freshness	0	79
20	score.quality	0	61
20	stack	0	asp.net core apis
20	stack	1	backend
20	stack	2	csharp
20	summary	0	a field-tested method for paginating large result sets in asp.net core apis while serving a steady stream of api clients, with the checks that proved it worked.
20	tools	0	dotnet
20	tools	1	entity framework core
20	tools	2	serilog
20	tools	3	swagger
20	topic	0	paginating large result sets / asp.net core apis
20	view_count	0	5352
24	ai_brief	0	a measured walkthrough for scala developers: baseline, smallest safe change, comparison, and a written rollback.
24	ai_outline.context	0	during a gradual migration to new hosting
24	ai_outline.problem	0	keeping search results fresh
24	ai_outline.recommended_action	0	find the slow path, cache what is safe, measure again
24	ai_outline.stack	0	spark data jobs
24	checklist	0	back up before migrating
24	checklist	1	make every step idempotent
24	checklist	2	document the migration
24	checklist	3	plan the rollback
24	code_language	0	scala
24	difficulty	0	intermediate
24	entities.name	0	spark data jobs
24	entities.type	0	stack
24	entities.name	1	data
24	entities.type	1	area
24	entities.name	2	keeping search results fresh
24	entities.type	2	problem
24	entities.name	3	scalatest
24	entities.type	3	tool
24	entities.name	4	scalafmt
24	entities.type	4	tool
24	flags.ai_generated_style	0	1
24	flags.has_images	0	0
24	flags.image_heavy	0	0
24	flags.needs_human_review	0	0
24	hash	0	b9d0bd3a36c180d9e6ce5fec
24	notes	0	sanitized array meta is expected to render as a list in the frontend box
24	notes	1	titles and summaries always name the problem and the stack of the record
24	notes	2	reading time follows from the prose word count, not from the code
24	payload.generator	0	anp content synthesizer
24	payload.paragraphs	0	5
24	payload.scenario	0	during a gradual migration to new hosting
24	payload.seed	0	6
24	payload.source_id	0	alphanode-000006
24	reading_time	0	2
24	reference	0	anp-ref-000006-3832
24	revision.last_reviewed	0	2022-10-17
24	revision.status	0	published
24	revision.version	0	3.8.10
24	score.clarity	0	68
24	score.depth	0	68
24	score.freshness	0	58
24	score.quality	0	71
24	stack	0	spark data jobs
24	stack	1	data
24	stack	2	scala
24	summary	0	this note covers keeping search results fresh in spark data jobs for data teams, using sbt and plain measurements.
24	tools	0	scalatest
24	tools	1	parquet
24	tools	2	scalafmt
24	topic	0	keeping search results fresh / spark data jobs
24	view_count	0	12290
28	ai_brief	0	a review-ready note on trimming oversized javascript bundles: it separates what is known from what is assumed and shows how to verify each step.
28	ai_outline.context	0	while the marketing team runs a campaign
28	ai_outline.problem	0	trimming oversized javascript bundles
28	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
28	ai_outline.stack	0	go microservices
28	checklist	0	review query plans
28	checklist	1	add indexes carefully
28	checklist	2	test with realistic data
28	checklist	3	compare before and after metrics
28	checklist	4	record the p99 latency
60	checklist	1	label every metric
28	checklist	5	clear only the affected cache
28	code_language	0	go
28	difficulty	0	advanced
28	entities.name	0	go microservices
28	entities.type	0	stack
28	entities.name	1	backend
28	entities.type	1	area
28	entities.name	2	trimming oversized javascript bundles
28	entities.type	2	problem
28	entities.name	3	golangci-lint
28	entities.type	3	tool
28	flags.ai_generated_style	0	1
28	flags.has_images	0	1
28	flags.image_heavy	0	1
28	flags.needs_human_review	0	1
28	hash	0	c11f4bf57f3bfa9c8b9d0cec
28	notes	0	sanitized array meta is expected to render as a list in the frontend box
28	notes	1	scores are synthetic and correlated on purpose
28	notes	2	similar posts point at earlier articles of the same data set
28	notes	3	checklist items in the box repeat the checklist in the body
28	payload.generator	0	anp content synthesizer
28	payload.paragraphs	0	8
28	payload.scenario	0	while the marketing team runs a campaign
28	payload.seed	0	7
28	payload.source_id	0	alphanode-000007
28	reading_time	0	3
28	reference	0	anp-ref-000007-9630
28	revision.last_reviewed	0	2024-08-27
28	revision.status	0	drafted
28	revision.version	0	2.0.14
28	score.clarity	0	62
28	score.depth	0	66
28	score.freshness	0	83
28	score.quality	0	62
28	stack	0	go microservices
28	stack	1	backend
28	stack	2	go
28	summary	0	trimming oversized javascript bundles in go microservices, explained with a baseline, a small code example, and a checklist for review.
28	tools	0	go test
28	tools	1	golangci-lint
28	tools	2	pprof
28	tools	3	docker
28	tools	4	prometheus
28	tools	5	grpc
28	topic	0	trimming oversized javascript bundles / go microservices
28	view_count	0	58
32	ai_brief	0	a review-ready note on tracing requests across services: it separates what is known from what is assumed and shows how to verify each step.
32	ai_outline.context	0	without a staging environment
32	ai_outline.problem	0	tracing requests across services
32	ai_outline.recommended_action	0	name an owner, set a deadline, review the outcome
32	ai_outline.stack	0	fastify services
32	checklist	0	alert on symptoms
32	checklist	1	track percentiles, not averages
32	checklist	2	link alerts to runbooks
32	checklist	3	label every metric
32	checklist	4	review alerts monthly
32	checklist	5	graph the deploy markers
32	code_language	0	typescript
32	difficulty	0	beginner
32	entities.name	0	fastify services
32	entities.type	0	stack
32	entities.name	1	backend
32	entities.type	1	area
32	entities.name	2	tracing requests across services
32	entities.type	2	problem
32	entities.name	3	pino
32	entities.type	3	tool
32	entities.name	4	eslint
32	entities.type	4	tool
32	flags.ai_generated_style	0	1
32	flags.has_images	0	0
32	flags.image_heavy	0	0
32	flags.needs_human_review	0	0
32	hash	0	88d5369b2ebe8cae60ab0f02
32	notes	0	sanitized array meta is expected to render as a list in the frontend box
32	notes	1	view count is synthetic and only used for testing meta volume
32	notes	2	titles and summaries always name the problem and the stack of the record
32	payload.generator	0	anp content synthesizer
32	payload.paragraphs	0	7
32	payload.scenario	0	without a staging environment
32	payload.seed	0	8
32	payload.source_id	0	alphanode-000008
32	reading_time	0	3
32	reference	0	anp-ref-000008-8753
32	revision.last_reviewed	0	2022-10-05
32	revision.status	0	archived
32	revision.version	0	1.11.12
32	score.clarity	0	85
32	score.depth	0	53
32	score.freshness	0	54
32	score.quality	0	73
32	stack	0	fastify services
32	stack	1	backend
32	stack	2	typescript
32	summary	0	this ai-style technical summary explains tracing requests across services in fastify services, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
32	tools	0	fastify
32	tools	1	node
32	tools	2	pino
32	tools	3	vitest
32	tools	4	eslint
32	tools	5	prisma
32	topic	0	tracing requests across services / fastify services
32	view_count	0	2322
36	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
36	ai_outline.context	0	while editors keep publishing all day
36	ai_outline.problem	0	cleaning up stale cache entries
36	ai_outline.recommended_action	0	name an owner, set a deadline, review the outcome
36	ai_outline.stack	0	vue and nuxt frontends
36	checklist	0	review query plans
36	checklist	1	add indexes carefully
36	checklist	2	test with realistic data
36	checklist	3	compare before and after metrics
36	checklist	4	record the p99 latency
36	checklist	5	clear only the affected cache
36	code_language	0	typescript
36	difficulty	0	intermediate
36	entities.name	0	vue and nuxt frontends
36	entities.type	0	stack
36	entities.name	1	frontend
36	entities.type	1	area
36	entities.name	2	cleaning up stale cache entries
36	entities.type	2	problem
36	entities.name	3	nuxt
36	entities.type	3	tool
36	entities.name	4	playwright
36	entities.type	4	tool
36	flags.ai_generated_style	0	1
36	flags.has_images	0	0
36	flags.image_heavy	0	0
36	flags.needs_human_review	0	1
36	hash	0	dda73a3fede8117e0928b73c
36	notes	0	sanitized array meta is expected to render as a list in the frontend box
36	notes	1	scores are synthetic and correlated on purpose
36	notes	2	similar posts point at earlier articles of the same data set
36	notes	3	checklist items in the box repeat the checklist in the body
36	payload.generator	0	anp content synthesizer
36	payload.paragraphs	0	7
36	payload.scenario	0	while editors keep publishing all day
36	payload.seed	0	9
36	payload.source_id	0	alphanode-000009
36	reading_time	0	4
36	reference	0	anp-ref-000009-1627
36	revision.last_reviewed	0	2021-08-11
36	revision.status	0	drafted
36	revision.version	0	0.5.20
36	score.clarity	0	61
36	score.depth	0	72
36	score.freshness	0	33
36	score.quality	0	49
36	stack	0	vue and nuxt frontends
36	stack	1	frontend
36	stack	2	typescript
36	summary	0	a short guide to cleaning up stale cache entries in vue and nuxt frontends while editors keep publishing all day, covering checks, measurement and a safe rollout.
36	tools	0	vue
36	tools	1	nuxt
36	tools	2	playwright
36	topic	0	cleaning up stale cache entries / vue and nuxt frontends
36	view_count	0	1304
40	ai_brief	0	a measured walkthrough for python developers: baseline, smallest safe change, comparison, and a written rollback.
40	ai_outline.context	0	during a gradual migration to new hosting
40	ai_outline.problem	0	fixing keyboard navigation
40	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
40	ai_outline.stack	0	python services
40	checklist	0	label every form field
40	checklist	1	test with a screen reader
40	checklist	2	check the keyboard focus order
40	checklist	3	run an automated audit in ci
40	code_language	0	python
40	difficulty	0	beginner
40	entities.name	0	python services
40	entities.type	0	stack
40	entities.name	1	backend
40	entities.type	1	area
40	entities.name	2	fixing keyboard navigation
40	entities.type	2	problem
40	entities.name	3	fastapi
40	entities.type	3	tool
40	entities.name	4	mypy
40	entities.type	4	tool
40	flags.ai_generated_style	0	1
40	flags.has_images	0	1
40	flags.image_heavy	0	0
40	flags.needs_human_review	0	1
40	hash	0	e0f58d38128b847ca5cbc0b3
40	notes	0	content is generated for import/load testing and should be reviewed before indexing
40	notes	1	code snippets are illustrative and not production ready
40	notes	2	reading time follows from the prose word count, not from the code
40	payload.generator	0	anp content synthesizer
40	payload.paragraphs	0	8
40	payload.scenario	0	during a gradual migration to new hosting
40	payload.seed	0	10
40	payload.source_id	0	alphanode-000010
40	reading_time	0	4
40	reference	0	anp-ref-000010-6184
40	revision.last_reviewed	0	2024-04-05
40	revision.status	0	drafted
40	revision.version	0	3.0.18
40	score.clarity	0	56
40	score.depth	0	94
40	score.freshness	0	77
40	score.quality	0	62
40	stack	0	python services
40	stack	1	backend
40	stack	2	python
40	summary	0	a short guide to fixing keyboard navigation in python services during a gradual migration to new hosting, covering checks, measurement and a safe rollout.
40	tools	0	fastapi
40	tools	1	pytest
40	tools	2	ruff
40	tools	3	logs
40	tools	4	mypy
40	tools	5	gunicorn
40	topic	0	fixing keyboard navigation / python services
40	view_count	0	939
52	ai_outline.context	0	while keeping the admin area responsive
44	ai_brief	0	an engineering note in plain language: what to check, what to change, and how to know it worked, for redis caching layers teams.
44	ai_outline.context	0	in a codebase older than most of the team
44	ai_outline.problem	0	moving uploads to object storage
44	ai_outline.recommended_action	0	find the slow path, cache what is safe, measure again
44	ai_outline.stack	0	redis caching layers
44	checklist	0	back up before migrating
44	checklist	1	test the migration on a copy
44	checklist	2	make every step idempotent
44	checklist	3	document the migration
44	checklist	4	count rows before and after
44	checklist	5	plan the rollback
44	code_language	0	python
44	difficulty	0	beginner
44	entities.name	0	redis caching layers
44	entities.type	0	stack
44	entities.name	1	database
44	entities.type	1	area
44	entities.name	2	moving uploads to object storage
44	entities.type	2	problem
44	entities.name	3	sentinel
44	entities.type	3	tool
44	flags.ai_generated_style	0	1
44	flags.has_images	0	0
44	flags.image_heavy	0	0
44	flags.needs_human_review	0	1
44	hash	0	e99be3ba462e298b5be813a0
44	notes	0	scores are synthetic and correlated on purpose
44	notes	1	reading time follows from the prose word count, not from the code
44	notes	2	checklist items in the box repeat the checklist in the body
44	notes	3	tools listed in the box belong to the record's stack
44	payload.generator	0	anp content synthesizer
44	payload.paragraphs	0	6
44	payload.scenario	0	in a codebase older than most of the team
44	payload.seed	0	11
44	payload.source_id	0	alphanode-000011
44	reading_time	0	3
44	reference	0	anp-ref-000011-0746
44	revision.last_reviewed	0	2024-12-14
44	revision.status	0	in_review
44	revision.version	0	0.5.6
44	score.clarity	0	61
44	score.depth	0	65
44	score.freshness	0	85
44	score.quality	0	47
44	stack	0	redis caching layers
44	stack	1	database
44	stack	2	python
44	summary	0	this ai-style technical summary explains moving uploads to object storage in redis caching layers, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
44	tools	0	sentinel
44	tools	1	pytest
44	tools	2	prometheus
44	topic	0	moving uploads to object storage / redis caching layers
44	view_count	0	5061
48	ai_brief	0	an engineering note in plain language: what to check, what to change, and how to know it worked, for python services teams.
48	ai_outline.context	0	without a staging environment
48	ai_outline.problem	0	deduplicating imported records
48	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
48	ai_outline.stack	0	python services
48	checklist	0	back up before migrating
48	checklist	1	make every step idempotent
48	checklist	2	count rows before and after
48	checklist	3	plan the rollback
48	code_language	0	python
48	difficulty	0	beginner
48	entities.name	0	python services
48	entities.type	0	stack
48	entities.name	1	backend
48	entities.type	1	area
48	entities.name	2	deduplicating imported records
48	entities.type	2	problem
48	entities.name	3	logs
48	entities.type	3	tool
48	flags.ai_generated_style	0	1
48	flags.has_images	0	1
48	flags.image_heavy	0	0
48	flags.needs_human_review	0	0
48	hash	0	574df238f56de85d3d0c1b5e
48	notes	0	content is generated for import/load testing and should be reviewed before indexing
48	notes	1	scores are synthetic and correlated on purpose
48	notes	2	tools listed in the box belong to the record's stack
48	payload.generator	0	anp content synthesizer
48	payload.paragraphs	0	7
48	payload.scenario	0	without a staging environment
48	payload.seed	0	12
48	payload.source_id	0	alphanode-000012
48	reading_time	0	3
48	reference	0	anp-ref-000012-7117
48	revision.last_reviewed	0	2025-10-09
48	revision.status	0	published
48	revision.version	0	3.11.8
48	score.clarity	0	84
48	score.depth	0	76
48	score.freshness	0	88
48	score.quality	0	75
48	stack	0	python services
48	stack	1	backend
48	stack	2	python
48	summary	0	a short guide to deduplicating imported records in python services without a staging environment, covering checks, measurement and a safe rollout.
48	tools	0	ruff
48	tools	1	logs
48	tools	2	gunicorn
48	topic	0	deduplicating imported records / python services
48	view_count	0	1884
52	ai_brief	0	a practical draft aimed at backend engineers; it favours measured, reversible changes and names the tools used along the way.
52	ai_outline.problem	0	keeping search results fresh
52	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
52	ai_outline.stack	0	ktor services
52	checklist	0	back up before migrating
52	checklist	1	test the migration on a copy
52	checklist	2	make every step idempotent
52	checklist	3	document the migration
52	checklist	4	count rows before and after
52	code_language	0	kotlin
52	difficulty	0	beginner
52	entities.name	0	ktor services
52	entities.type	0	stack
52	entities.name	1	backend
52	entities.type	1	area
52	entities.name	2	keeping search results fresh
52	entities.type	2	problem
52	entities.name	3	koin
52	entities.type	3	tool
52	flags.ai_generated_style	0	0
52	flags.has_images	0	0
52	flags.image_heavy	0	0
52	flags.needs_human_review	0	0
52	hash	0	e356451cc817e7ae33623ccb
52	notes	0	view count is synthetic and only used for testing meta volume
52	notes	1	content is generated for import/load testing and should be reviewed before indexing
52	notes	2	scores are synthetic and correlated on purpose
52	payload.generator	0	anp content synthesizer
52	payload.paragraphs	0	6
52	payload.scenario	0	while keeping the admin area responsive
52	payload.seed	0	13
52	payload.source_id	0	alphanode-000013
52	reading_time	0	3
52	reference	0	anp-ref-000013-2465
52	revision.last_reviewed	0	2025-12-09
52	revision.status	0	archived
52	revision.version	0	1.4.18
52	score.clarity	0	100
52	score.depth	0	92
52	score.freshness	0	100
52	score.quality	0	85
52	stack	0	ktor services
52	stack	1	backend
52	stack	2	kotlin
52	summary	0	practical notes on keeping search results fresh in ktor services: what to measure, what to change, and how to roll it back.
52	tools	0	gradle
52	tools	1	kotest
52	tools	2	koin
52	topic	0	keeping search results fresh / ktor services
52	view_count	0	100755
56	ai_brief	0	a measured walkthrough for elixir developers: baseline, smallest safe change, comparison, and a written rollback.
56	ai_outline.context	0	on shared hosting with few privileges
56	ai_outline.problem	0	splitting a monolithic migration
56	ai_outline.recommended_action	0	name an owner, set a deadline, review the outcome
56	ai_outline.stack	0	phoenix applications
56	checklist	0	back up before migrating
56	checklist	1	test the migration on a copy
56	checklist	2	make every step idempotent
56	checklist	3	document the migration
56	checklist	4	count rows before and after
56	checklist	5	plan the rollback
56	code_language	0	elixir
56	difficulty	0	expert
56	entities.name	0	phoenix applications
56	entities.type	0	stack
56	entities.name	1	backend
56	entities.type	1	area
56	entities.name	2	splitting a monolithic migration
56	entities.type	2	problem
56	entities.name	3	oban
56	entities.type	3	tool
56	flags.ai_generated_style	0	1
56	flags.has_images	0	0
56	flags.image_heavy	0	0
56	flags.needs_human_review	0	0
56	hash	0	106e7dc7e5b26745a8c853df
56	notes	0	sanitized array meta is expected to render as a list in the frontend box
56	notes	1	titles and summaries always name the problem and the stack of the record
56	payload.generator	0	anp content synthesizer
56	payload.paragraphs	0	7
56	payload.scenario	0	on shared hosting with few privileges
56	payload.seed	0	14
56	payload.source_id	0	alphanode-000014
56	reading_time	0	3
56	reference	0	anp-ref-000014-0813
56	revision.last_reviewed	0	2024-10-13
56	revision.status	0	drafted
56	revision.version	0	2.2.19
56	score.clarity	0	73
56	score.depth	0	93
56	score.freshness	0	92
56	score.quality	0	77
56	stack	0	phoenix applications
56	stack	1	backend
56	stack	2	elixir
56	summary	0	this note covers splitting a monolithic migration in phoenix applications for backend teams, using mix and plain measurements.
56	tools	0	credo
56	tools	1	oban
56	tools	2	dialyzer
56	topic	0	splitting a monolithic migration / phoenix applications
56	view_count	0	19010
60	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
60	ai_outline.context	0	for a site with editors in many time zones
60	ai_outline.problem	0	measuring real user latency
60	ai_outline.recommended_action	0	reproduce, fix the smallest thing, add a regression test
60	ai_outline.stack	0	android apps
60	checklist	2	review alerts monthly
60	checklist	3	graph the deploy markers
60	code_language	0	kotlin
60	difficulty	0	intermediate
60	entities.name	0	android apps
60	entities.type	0	stack
60	entities.name	1	mobile
60	entities.type	1	area
60	entities.name	2	measuring real user latency
60	entities.type	2	problem
60	entities.name	3	room
60	entities.type	3	tool
60	flags.ai_generated_style	0	1
60	flags.has_images	0	0
60	flags.image_heavy	0	0
60	flags.needs_human_review	0	0
60	hash	0	4c20c446c3d87878a06a01b2
60	notes	0	view count is synthetic and only used for testing meta volume
60	notes	1	content is generated for import/load testing and should be reviewed before indexing
60	notes	2	checklist items in the box repeat the checklist in the body
60	payload.generator	0	anp content synthesizer
60	payload.paragraphs	0	6
60	payload.scenario	0	for a site with editors in many time zones
60	payload.seed	0	15
60	payload.source_id	0	alphanode-000015
60	reading_time	0	3
60	reference	0	anp-ref-000015-0897
60	revision.last_reviewed	0	2025-01-19
60	revision.status	0	published
60	revision.version	0	1.2.6
60	score.clarity	0	84
60	score.depth	0	81
60	score.freshness	0	80
60	score.quality	0	91
60	stack	0	android apps
60	stack	1	mobile
60	stack	2	kotlin
60	summary	0	practical notes on measuring real user latency in android apps: what to measure, what to change, and how to roll it back.
60	tools	0	android studio
60	tools	1	jetpack compose
60	tools	2	room
60	topic	0	measuring real user latency / android apps
60	view_count	0	23538
64	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
64	ai_outline.context	0	while the marketing team runs a campaign
64	ai_outline.problem	0	right-sizing oversized servers
64	ai_outline.recommended_action	0	split the change, migrate in batches, verify the counts
64	ai_outline.stack	0	rails applications
64	checklist	0	tag every resource
64	checklist	1	set budgets and alerts
64	checklist	2	remove idle capacity
64	checklist	3	document ownership
64	checklist	4	schedule non-urgent work
64	code_language	0	ruby
64	difficulty	0	beginner
64	entities.name	0	rails applications
64	entities.type	0	stack
64	entities.name	1	backend
64	entities.type	1	area
64	entities.name	2	right-sizing oversized servers
64	entities.type	2	problem
64	entities.name	3	puma
64	entities.type	3	tool
64	flags.ai_generated_style	0	1
64	flags.has_images	0	0
64	flags.image_heavy	0	0
64	flags.needs_human_review	0	0
64	hash	0	4948945db4c2ce3fdfbe987c
64	notes	0	content is generated for import/load testing and should be reviewed before indexing
64	notes	1	titles and summaries always name the problem and the stack of the record
64	payload.generator	0	anp content synthesizer
64	payload.paragraphs	0	6
64	payload.scenario	0	while the marketing team runs a campaign
64	payload.seed	0	16
64	payload.source_id	0	alphanode-000016
64	reading_time	0	4
64	reference	0	anp-ref-000016-5058
64	revision.last_reviewed	0	2021-12-10
64	revision.status	0	published
64	revision.version	0	2.8.2
64	score.clarity	0	76
64	score.depth	0	69
64	score.freshness	0	45
64	score.quality	0	78
64	stack	0	rails applications
64	stack	1	backend
64	stack	2	ruby
64	summary	0	right-sizing oversized servers in rails applications, explained with a baseline, a small code example, and a checklist for review.
64	tools	0	rails
64	tools	1	rspec
64	tools	2	sidekiq
64	tools	3	bundler
64	tools	4	rubocop
64	tools	5	puma
64	topic	0	right-sizing oversized servers / rails applications
64	view_count	0	5598
68	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.
68	ai_outline.context	0	while serving a steady stream of api clients
68	ai_outline.problem	0	automating routine maintenance
68	ai_outline.recommended_action	0	add the missing check, alert on symptoms, write the runbook
68	ai_outline.stack	0	docker images
68	checklist	0	tag every resource
68	checklist	1	set budgets and alerts
68	checklist	2	review the largest bills
68	checklist	3	document ownership
68	checklist	4	schedule non-urgent work
68	code_language	0	dockerfile
68	difficulty	0	intermediate
68	entities.name	0	docker images
68	entities.type	0	stack
68	entities.name	1	infrastructure
68	entities.type	1	area
68	entities.name	2	automating routine maintenance
68	entities.type	2	problem
68	entities.name	3	docker
68	entities.type	3	tool
68	flags.ai_generated_style	0	1
68	flags.has_images	0	0
68	flags.image_heavy	0	0
68	flags.needs_human_review	0	0
68	hash	0	386ffe8d21ebea458065fb29
68	notes	0	similar posts point at earlier articles of the same data set
68	notes	1	code snippets are illustrative and not production ready
68	notes	2	titles and summaries always name the problem and the stack of the record
68	notes	3	tools listed in the box belong to the record's stack
68	payload.generator	0	anp content synthesizer
68	payload.paragraphs	0	6
68	payload.scenario	0	while serving a steady stream of api clients
68	payload.seed	0	17
68	payload.source_id	0	alphanode-000017
68	reading_time	0	4
68	reference	0	anp-ref-000017-2266
68	revision.last_reviewed	0	2021-08-03
68	revision.status	0	published
68	revision.version	0	1.10.7
68	score.clarity	0	100
68	score.depth	0	64
68	score.freshness	0	31
68	score.quality	0	93
68	stack	0	docker images
68	stack	1	infrastructure
68	stack	2	dockerfile
68	summary	0	automating routine maintenance in docker images, explained with a baseline, a small code example, and a checklist for review.
68	tools	0	docker
68	tools	1	buildkit
68	tools	2	hadolint
68	tools	3	trivy
68	tools	4	docker compose
68	tools	5	nginx
68	tools	6	dive
68	topic	0	automating routine maintenance / docker images
68	view_count	0	2028
72	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.
72	ai_outline.context	0	after a security audit flagged it
72	ai_outline.problem	0	speeding up slow ci pipelines
72	ai_outline.recommended_action	0	reproduce, fix the smallest thing, add a regression test
72	ai_outline.stack	0	c system daemons
72	checklist	0	ship behind a flag
72	checklist	1	watch error rates after release
72	checklist	2	write the release note
72	checklist	3	keep the old path working
72	code_language	0	c
72	difficulty	0	beginner
72	entities.name	0	c system daemons
72	entities.type	0	stack
72	entities.name	1	systems
72	entities.type	1	area
72	entities.name	2	speeding up slow ci pipelines
72	entities.type	2	problem
72	entities.name	3	gdb
72	entities.type	3	tool
72	flags.ai_generated_style	0	1
72	flags.has_images	0	0
72	flags.image_heavy	0	0
72	flags.needs_human_review	0	0
72	hash	0	a5c4cd064af39869f2ea5f1c
72	notes	0	view count is synthetic and only used for testing meta volume
72	notes	1	reading time follows from the prose word count, not from the code
72	payload.generator	0	anp content synthesizer
72	payload.paragraphs	0	6
72	payload.scenario	0	after a security audit flagged it
72	payload.seed	0	18
72	payload.source_id	0	alphanode-000018
72	reading_time	0	4
72	reference	0	anp-ref-000018-5018
72	revision.last_reviewed	0	2025-04-22
72	revision.status	0	published
72	revision.version	0	2.4.14
72	score.clarity	0	57
72	score.depth	0	58
72	score.freshness	0	89
72	score.quality	0	68
72	stack	0	c system daemons
72	stack	1	systems
72	stack	2	c
72	summary	0	practical notes on speeding up slow ci pipelines in c system daemons: what to measure, what to change, and how to roll it back.
72	tools	0	gcc
72	tools	1	valgrind
72	tools	2	gdb
72	tools	3	perf
72	topic	0	speeding up slow ci pipelines / c system daemons
72	view_count	0	1304
76	ai_brief	0	an engineering note in plain language: what to check, what to change, and how to know it worked, for kubernetes deployments teams.
76	ai_outline.context	0	while serving a steady stream of api clients
76	ai_outline.problem	0	paginating large result sets
76	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
76	ai_outline.stack	0	kubernetes deployments
76	checklist	0	test with realistic data
76	checklist	1	compare before and after metrics
76	checklist	2	clear only the affected cache
76	code_language	0	yaml
76	difficulty	0	advanced
76	entities.name	0	kubernetes deployments
76	entities.type	0	stack
76	entities.name	1	infrastructure
76	entities.type	1	area
76	entities.name	2	paginating large result sets
76	entities.type	2	problem
76	entities.name	3	argo cd
76	entities.type	3	tool
76	entities.name	4	k9s
76	entities.type	4	tool
76	flags.ai_generated_style	0	1
76	flags.has_images	0	0
76	flags.image_heavy	0	0
76	flags.needs_human_review	0	0
76	hash	0	45450b4de20a3687ac711bbe
76	notes	0	view count is synthetic and only used for testing meta volume
76	notes	1	content is generated for import/load testing and should be reviewed before indexing
76	notes	2	checklist items in the box repeat the checklist in the body
76	payload.generator	0	anp content synthesizer
76	payload.paragraphs	0	7
76	payload.scenario	0	while serving a steady stream of api clients
76	payload.seed	0	19
76	payload.source_id	0	alphanode-000019
76	reading_time	0	4
76	reference	0	anp-ref-000019-9196
76	revision.last_reviewed	0	2022-08-01
76	revision.status	0	needs_update
76	revision.version	0	0.0.10
76	score.clarity	0	80
76	score.depth	0	72
76	score.freshness	0	48
76	score.quality	0	84
76	stack	0	kubernetes deployments
76	stack	1	infrastructure
76	stack	2	yaml
76	summary	0	this ai-style technical summary explains paginating large result sets in kubernetes deployments, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
76	tools	0	kubectl
76	tools	1	helm
76	tools	2	kustomize
76	tools	3	prometheus
76	tools	4	argo cd
76	tools	5	k9s
76	topic	0	paginating large result sets / kubernetes deployments
76	view_count	0	293654
80	ai_brief	0	a measured walkthrough for bash developers: baseline, smallest safe change, comparison, and a written rollback.
80	ai_outline.context	0	with a deadline at the end of the quarter
80	ai_outline.problem	0	introducing feature flags
80	ai_outline.recommended_action	0	write a baseline, ship behind a flag, compare the numbers
80	ai_outline.stack	0	shell automation
80	checklist	0	ship behind a flag
80	checklist	1	watch error rates after release
80	checklist	2	tag the release
80	checklist	3	write the release note
80	checklist	4	keep the old path working
80	code_language	0	bash
80	difficulty	0	beginner
80	entities.name	0	shell automation
80	entities.type	0	stack
80	entities.name	1	tooling
80	entities.type	1	area
80	entities.name	2	introducing feature flags
80	entities.type	2	problem
80	entities.name	3	systemd
80	entities.type	3	tool
80	flags.ai_generated_style	0	1
80	flags.has_images	0	0
80	flags.image_heavy	0	0
80	flags.needs_human_review	0	0
80	hash	0	22baf33cd04b2e743a7f4f28
80	notes	0	view count is synthetic and only used for testing meta volume
80	notes	1	scores are synthetic and correlated on purpose
80	notes	2	titles and summaries always name the problem and the stack of the record
80	notes	3	tools listed in the box belong to the record's stack
80	payload.generator	0	anp content synthesizer
80	payload.paragraphs	0	8
80	payload.scenario	0	with a deadline at the end of the quarter
80	payload.seed	0	20
80	payload.source_id	0	alphanode-000020
80	reading_time	0	3
80	reference	0	anp-ref-000020-6688
80	revision.last_reviewed	0	2021-07-19
80	revision.status	0	in_review
80	revision.version	0	3.5.1
80	score.clarity	0	63
80	score.depth	0	69
80	score.freshness	0	38
80	score.quality	0	63
80	stack	0	shell automation
80	stack	1	tooling
80	stack	2	bash
80	summary	0	how to approach introducing feature flags in shell automation: baseline first, one change at a time, and notes for the next maintainer.
80	tools	0	bash
80	tools	1	shellcheck
80	tools	2	systemd
80	tools	3	jq
80	tools	4	rsync
80	topic	0	introducing feature flags / shell automation
80	view_count	0	11893
84	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.
84	ai_outline.context	0	with a deadline at the end of the quarter
84	ai_outline.problem	0	rotating leaked credentials
84	ai_outline.recommended_action	0	name an owner, set a deadline, review the outcome
84	ai_outline.stack	0	laravel applications
84	checklist	0	escape output at render time
84	checklist	1	rotate exposed secrets
84	checklist	2	review permissions
84	checklist	3	validate input at the boundary
84	checklist	4	log access to admin pages
84	checklist	5	pin dependencies
84	code_language	0	php
84	difficulty	0	beginner
84	entities.name	0	laravel applications
84	entities.type	0	stack
84	entities.name	1	backend
84	entities.type	1	area
84	entities.name	2	rotating leaked credentials
84	entities.type	2	problem
84	flags.ai_generated_style	0	0
84	flags.has_images	0	1
84	flags.image_heavy	0	1
84	flags.needs_human_review	0	0
84	hash	0	ae3520f0fc6ffdda8789b35c
84	notes	0	content is generated for import/load testing and should be reviewed before indexing
84	notes	1	titles and summaries always name the problem and the stack of the record
84	notes	2	checklist items in the box repeat the checklist in the body
84	notes	3	tools listed in the box belong to the record's stack
84	payload.generator	0	anp content synthesizer
84	payload.paragraphs	0	7
84	payload.scenario	0	with a deadline at the end of the quarter
84	payload.seed	0	21
84	payload.source_id	0	alphanode-000021
84	reading_time	0	3
84	reference	0	anp-ref-000021-3358
84	revision.last_reviewed	0	2024-08-16
84	revision.status	0	published
84	revision.version	0	2.8.7
84	score.clarity	0	46
84	score.depth	0	83
84	score.freshness	0	85
84	score.quality	0	62
84	stack	0	laravel applications
84	stack	1	backend
84	stack	2	php
84	summary	0	this note covers rotating leaked credentials in laravel applications for backend teams, using artisan and plain measurements.
84	tools	0	artisan
84	tools	1	phpunit
84	tools	2	composer
84	tools	3	telescope
84	tools	4	redis
84	topic	0	rotating leaked credentials / laravel applications
84	view_count	0	25085
88	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.
88	ai_outline.context	0	while serving a steady stream of api clients
88	ai_outline.problem	0	hardening login flows
88	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
88	ai_outline.stack	0	redis caching layers
88	checklist	0	escape output at render time
88	checklist	1	rotate exposed secrets
88	checklist	2	review permissions
88	checklist	3	validate input at the boundary
88	checklist	4	log access to admin pages
88	checklist	5	pin dependencies
88	code_language	0	python
88	difficulty	0	beginner
88	entities.name	0	redis caching layers
88	entities.type	0	stack
88	entities.name	1	database
88	entities.type	1	area
88	entities.name	2	hardening login flows
88	entities.type	2	problem
88	entities.name	3	pytest
88	entities.type	3	tool
88	flags.ai_generated_style	0	0
88	flags.has_images	0	1
88	flags.image_heavy	0	0
88	flags.needs_human_review	0	1
88	hash	0	663c752be77e37233e6db516
88	notes	0	content is generated for import/load testing and should be reviewed before indexing
88	notes	1	titles and summaries always name the problem and the stack of the record
88	notes	2	tools listed in the box belong to the record's stack
88	payload.generator	0	anp content synthesizer
88	payload.paragraphs	0	6
88	payload.scenario	0	while serving a steady stream of api clients
88	payload.seed	0	22
88	payload.source_id	0	alphanode-000022
88	reading_time	0	3
88	reference	0	anp-ref-000022-1720
88	revision.last_reviewed	0	2021-08-27
88	revision.status	0	published
88	revision.version	0	0.1.2
88	score.clarity	0	69
88	score.depth	0	73
88	score.freshness	0	34
88	score.quality	0	56
88	stack	0	redis caching layers
88	stack	1	database
88	stack	2	python
88	summary	0	how to approach hardening login flows in redis caching layers: baseline first, one change at a time, and notes for the next maintainer.
88	tools	0	redis-py
88	tools	1	redis-cli
88	tools	2	sentinel
88	tools	3	pytest
88	tools	4	prometheus
88	topic	0	hardening login flows / redis caching layers
88	view_count	0	3651
92	ai_brief	0	a measured walkthrough for c developers: baseline, smallest safe change, comparison, and a written rollback.
92	ai_outline.context	0	on shared hosting with few privileges
92	ai_outline.problem	0	raising low color contrast
92	ai_outline.recommended_action	0	write a baseline, ship behind a flag, compare the numbers
92	ai_outline.stack	0	c system daemons
92	checklist	0	label every form field
92	checklist	1	test with a screen reader
92	checklist	2	check the keyboard focus order
92	checklist	3	meet contrast ratios
92	checklist	4	add skip links
92	checklist	5	run an automated audit in ci
92	code_language	0	c
92	difficulty	0	intermediate
92	entities.name	0	c system daemons
92	entities.type	0	stack
92	entities.name	1	systems
92	entities.type	1	area
92	entities.name	2	raising low color contrast
92	entities.type	2	problem
92	entities.name	3	clang-tidy
92	entities.type	3	tool
92	entities.name	4	systemd
92	entities.type	4	tool
92	flags.ai_generated_style	0	1
92	flags.has_images	0	0
92	flags.image_heavy	0	0
92	flags.needs_human_review	0	0
92	hash	0	9bfa478487d6dd64220e0540
92	notes	0	view count is synthetic and only used for testing meta volume
92	notes	1	scores are synthetic and correlated on purpose
92	notes	2	reading time follows from the prose word count, not from the code
92	notes	3	checklist items in the box repeat the checklist in the body
92	payload.generator	0	anp content synthesizer
92	payload.paragraphs	0	6
92	payload.scenario	0	on shared hosting with few privileges
92	payload.seed	0	23
92	payload.source_id	0	alphanode-000023
92	reading_time	0	3
92	reference	0	anp-ref-000023-5729
92	revision.last_reviewed	0	2023-09-24
92	revision.status	0	published
92	revision.version	0	0.6.13
92	score.clarity	0	73
92	score.depth	0	80
92	score.freshness	0	66
92	score.quality	0	79
92	stack	0	c system daemons
92	stack	1	systems
92	stack	2	c
92	summary	0	this ai-style technical summary explains raising low color contrast in c system daemons, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
92	tools	0	valgrind
92	tools	1	gdb
92	tools	2	clang-tidy
92	tools	3	systemd
92	topic	0	raising low color contrast / c system daemons
92	view_count	0	13707
96	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything.
96	ai_outline.context	0	for a site with editors in many time zones
96	ai_outline.problem	0	writing useful alerts
96	ai_outline.recommended_action	0	split the change, migrate in batches, verify the counts
96	ai_outline.stack	0	redis caching layers
96	checklist	0	link alerts to runbooks
96	checklist	1	label every metric
96	checklist	2	graph the deploy markers
96	code_language	0	python
96	difficulty	0	beginner
96	entities.name	0	redis caching layers
96	entities.type	0	stack
96	entities.name	1	database
96	entities.type	1	area
96	entities.name	2	writing useful alerts
96	entities.type	2	problem
96	flags.ai_generated_style	0	0
96	flags.has_images	0	0
96	flags.image_heavy	0	0
96	flags.needs_human_review	0	0
96	hash	0	45dc5a0464bbb5a26047c65b
96	notes	0	sanitized array meta is expected to render as a list in the frontend box
96	notes	1	view count is synthetic and only used for testing meta volume
96	payload.generator	0	anp content synthesizer
96	payload.paragraphs	0	6
96	payload.scenario	0	for a site with editors in many time zones
96	payload.seed	0	24
96	payload.source_id	0	alphanode-000024
96	reading_time	0	3
96	reference	0	anp-ref-000024-8025
96	revision.last_reviewed	0	2025-08-24
96	revision.status	0	in_review
96	revision.version	0	1.2.20
96	score.clarity	0	72
96	score.depth	0	88
96	score.freshness	0	98
96	score.quality	0	78
96	stack	0	redis caching layers
96	stack	1	database
96	stack	2	python
96	summary	0	this note covers writing useful alerts in redis caching layers for database teams, using redis and plain measurements.
96	tools	0	redis
96	tools	1	redis-py
96	tools	2	redis-cli
96	tools	3	sentinel
96	tools	4	pytest
96	tools	5	prometheus
96	topic	0	writing useful alerts / redis caching layers
96	view_count	0	1442
100	ai_brief	0	the draft stays close to production reality in android apps: it names the checks, the numbers to watch, and when to stop.
100	ai_outline.context	0	while keeping the admin area responsive
100	ai_outline.problem	0	trimming oversized javascript bundles
100	ai_outline.recommended_action	0	pin the versions, upgrade one at a time, run the full suite
100	ai_outline.stack	0	android apps
100	checklist	0	test with realistic data
100	checklist	1	compare before and after metrics
100	checklist	2	record the p99 latency
100	code_language	0	kotlin
100	difficulty	0	intermediate
100	entities.name	0	android apps
100	entities.type	0	stack
100	entities.name	1	mobile
100	entities.type	1	area
100	entities.name	2	trimming oversized javascript bundles
100	entities.type	2	problem
100	entities.name	3	gradle
100	entities.type	3	tool
100	entities.name	4	junit
100	entities.type	4	tool
100	flags.ai_generated_style	0	0
100	flags.has_images	0	0
100	flags.image_heavy	0	0
100	flags.needs_human_review	0	0
100	hash	0	b569efae2077b4f44c991a07
100	notes	0	content is generated for import/load testing and should be reviewed before indexing
100	notes	1	scores are synthetic and correlated on purpose
100	notes	2	code snippets are illustrative and not production ready
100	notes	3	checklist items in the box repeat the checklist in the body
100	payload.generator	0	anp content synthesizer
100	payload.paragraphs	0	5
100	payload.scenario	0	while keeping the admin area responsive
100	payload.seed	0	25
100	payload.source_id	0	alphanode-000025
100	reading_time	0	3
100	reference	0	anp-ref-000025-1445
100	revision.last_reviewed	0	2022-04-17
100	revision.status	0	published
100	revision.version	0	0.5.14
100	score.clarity	0	81
100	score.depth	0	80
100	score.freshness	0	49
100	score.quality	0	75
100	stack	0	android apps
100	stack	1	mobile
100	stack	2	kotlin
100	summary	0	a short guide to trimming oversized javascript bundles in android apps while keeping the admin area responsive, covering checks, measurement and a safe rollout.
100	tools	0	gradle
100	tools	1	android studio
100	tools	2	jetpack compose
100	tools	3	room
100	tools	4	retrofit
100	tools	5	junit
100	tools	6	espresso
100	topic	0	trimming oversized javascript bundles / android apps
100	view_count	0	1022
104	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
104	ai_outline.context	0	during a gradual migration to new hosting
104	ai_outline.problem	0	backfilling a new column safely
104	ai_outline.recommended_action	0	reproduce, fix the smallest thing, add a regression test
104	ai_outline.stack	0	ios apps
104	checklist	0	test the migration on a copy
104	checklist	1	make every step idempotent
104	checklist	2	document the migration
104	checklist	3	count rows before and after
104	checklist	4	plan the rollback
104	code_language	0	swift
104	difficulty	0	beginner
104	entities.name	0	ios apps
104	entities.type	0	stack
104	entities.name	1	mobile
104	entities.type	1	area
104	entities.name	2	backfilling a new column safely
104	entities.type	2	problem
104	entities.name	3	swiftui
104	entities.type	3	tool
104	flags.ai_generated_style	0	1
104	flags.has_images	0	0
104	flags.image_heavy	0	0
104	flags.needs_human_review	0	0
104	hash	0	bbb9a0e70c1e6c147b974e7c
104	notes	0	sanitized array meta is expected to render as a list in the frontend box
104	notes	1	content is generated for import/load testing and should be reviewed before indexing
104	notes	2	reading time follows from the prose word count, not from the code
104	notes	3	checklist items in the box repeat the checklist in the body
104	payload.generator	0	anp content synthesizer
104	payload.paragraphs	0	6
104	payload.scenario	0	during a gradual migration to new hosting
104	payload.seed	0	26
104	payload.source_id	0	alphanode-000026
104	reading_time	0	3
104	reference	0	anp-ref-000026-7390
104	revision.last_reviewed	0	2025-04-07
104	revision.status	0	archived
104	revision.version	0	3.8.5
104	score.clarity	0	77
104	score.depth	0	69
104	score.freshness	0	82
104	score.quality	0	79
104	stack	0	ios apps
104	stack	1	mobile
104	stack	2	swift
104	summary	0	this ai-style technical summary explains backfilling a new column safely in ios apps, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation.
104	tools	0	xcode
104	tools	1	swiftui
104	tools	2	xctest
104	tools	3	swiftlint
104	tools	4	fastlane
104	tools	5	swift package manager
104	topic	0	backfilling a new column safely / ios apps
104	view_count	0	514
108	ai_brief	0	the draft stays close to production reality in next.js sites: it names the checks, the numbers to watch, and when to stop.
108	ai_outline.context	0	after a traffic spike took the site down
108	ai_outline.problem	0	adding contract tests between services
108	ai_outline.recommended_action	0	name an owner, set a deadline, review the outcome
108	ai_outline.stack	0	next.js sites
108	checklist	0	reproduce the failure first
108	checklist	1	use seeded test data
108	checklist	2	remove shared state
108	checklist	3	run tests in random order
108	checklist	4	quarantine flaky tests
108	checklist	5	keep the suite fast
108	code_language	0	typescript
108	difficulty	0	advanced
108	entities.name	0	next.js sites
108	entities.type	0	stack
108	entities.name	1	frontend
108	entities.type	1	area
108	entities.name	2	adding contract tests between services
108	entities.type	2	problem
108	entities.name	3	vitest
108	entities.type	3	tool
108	entities.name	4	prettier
108	entities.type	4	tool
108	flags.ai_generated_style	0	1
108	flags.has_images	0	0
108	flags.image_heavy	0	0
108	flags.needs_human_review	0	0
108	hash	0	afd3b2ad3696b075afe41ac2
108	notes	0	view count is synthetic and only used for testing meta volume
108	notes	1	code snippets are illustrative and not production ready
108	notes	2	titles and summaries always name the problem and the stack of the record
108	payload.generator	0	anp content synthesizer
108	payload.paragraphs	0	6
108	payload.scenario	0	after a traffic spike took the site down
108	payload.seed	0	27
108	payload.source_id	0	alphanode-000027
108	reading_time	0	4
108	reference	0	anp-ref-000027-0069
108	revision.last_reviewed	0	2021-07-05
108	revision.status	0	drafted
108	revision.version	0	1.11.20
108	score.clarity	0	100
108	score.depth	0	77
108	score.freshness	0	29
108	score.quality	0	90
108	stack	0	next.js sites
108	stack	1	frontend
108	stack	2	typescript
108	summary	0	a field-tested method for adding contract tests between services in next.js sites after a traffic spike took the site down, with the checks that proved it worked.
108	tools	0	vitest
108	tools	1	playwright
108	tools	2	prettier
108	topic	0	adding contract tests between services / next.js sites
108	view_count	0	1390
112	ai_brief	0	the article is written like a careful ai generated engineering draft: it explains the reason for the change, lists operational checks, and avoids pretending that one command fixes every production case.
112	ai_outline.context	0	on a tight cloud budget
112	ai_outline.problem	0	fixing keyboard navigation
112	ai_outline.recommended_action	0	split the change, migrate in batches, verify the counts
112	ai_outline.stack	0	c system daemons
112	checklist	0	label every form field
112	checklist	1	test with a screen reader
112	checklist	2	meet contrast ratios
112	checklist	3	add skip links
112	checklist	4	run an automated audit in ci
112	code_language	0	c
112	difficulty	0	beginner
112	entities.name	0	c system daemons
112	entities.type	0	stack
112	entities.name	1	systems
112	entities.type	1	area
112	entities.name	2	fixing keyboard navigation
112	entities.type	2	problem
112	entities.name	3	perf
112	entities.type	3	tool
112	flags.ai_generated_style	0	0
112	flags.has_images	0	1
112	flags.image_heavy	0	0
112	flags.needs_human_review	0	0
112	hash	0	9df11a53a65d84e806771569
112	notes	0	similar posts point at earlier articles of the same data set
112	notes	1	tools listed in the box belong to the record's stack
112	payload.generator	0	anp content synthesizer
112	payload.paragraphs	0	7
112	payload.scenario	0	on a tight cloud budget
112	payload.seed	0	28
112	payload.source_id	0	alphanode-000028
112	reading_time	0	4
112	reference	0	anp-ref-000028-0099
112	revision.last_reviewed	0	2022-04-23
112	revision.status	0	in_review
112	revision.version	0	0.0.6
112	score.clarity	0	61
112	score.depth	0	100
112	score.freshness	0	50
112	score.quality	0	66
112	stack	0	c system daemons
112	stack	1	systems
112	stack	2	c
112	summary	0	a short guide to fixing keyboard navigation in c system daemons on a tight cloud budget, covering checks, measurement and a safe rollout.
112	tools	0	gcc
112	tools	1	make
112	tools	2	valgrind
112	tools	3	systemd
112	tools	4	perf
112	topic	0	fixing keyboard navigation / c system daemons
112	view_count	0	1116
116	ai_brief	0	a review-ready note on building a useful on-call dashboard: it separates what is known from what is assumed and shows how to verify each step.
116	ai_outline.context	0	while editors keep publishing all day
116	ai_outline.problem	0	building a useful on-call dashboard
116	ai_outline.recommended_action	0	measure first, change carefully, document the result
116	ai_outline.stack	0	next.js sites
116	checklist	0	track percentiles, not averages
116	checklist	1	label every metric
116	checklist	2	graph the deploy markers
116	code_language	0	typescript
116	difficulty	0	intermediate
116	entities.name	0	next.js sites
116	entities.type	0	stack
116	entities.name	1	frontend
116	entities.type	1	area
116	entities.name	2	building a useful on-call dashboard
116	entities.type	2	problem
116	entities.name	3	eslint
116	entities.type	3	tool
116	flags.ai_generated_style	0	0
116	flags.has_images	0	1
116	flags.image_heavy	0	0
116	flags.needs_human_review	0	0
116	hash	0	bdce9e4a6812619886e370a6
116	notes	0	reading time follows from the prose word count, not from the code
116	notes	1	tools listed in the box belong to the record's stack
116	payload.generator	0	anp content synthesizer
116	payload.paragraphs	0	6
116	payload.scenario	0	while editors keep publishing all day
116	payload.seed	0	29
116	payload.source_id	0	alphanode-000029
116	reading_time	0	3
116	reference	0	anp-ref-000029-3780
116	revision.last_reviewed	0	2021-12-14
116	revision.status	0	drafted
116	revision.version	0	1.8.14
116	score.clarity	0	79
116	score.depth	0	78
116	score.freshness	0	39
116	score.quality	0	71
116	stack	0	next.js sites
116	stack	1	frontend
116	stack	2	typescript
116	summary	0	a field-tested method for building a useful on-call dashboard in next.js sites while editors keep publishing all day, with the checks that proved it worked.
116	tools	0	next.js
116	tools	1	vercel
116	tools	2	eslint
116	tools	3	playwright
116	tools	4	prettier
116	topic	0	building a useful on-call dashboard / next.js sites
116	view_count	0	1006
120	ai_brief	0	a practical draft aimed at data engineers; it favours measured, reversible changes and names the tools used along the way.
120	ai_outline.context	0	before a busy product launch
120	ai_outline.problem	0	splitting a monolithic migration
120	ai_outline.recommended_action	0	find the slow path, cache what is safe, measure again
120	ai_outline.stack	0	airflow data pipelines
120	checklist	0	back up before migrating
120	checklist	1	test the migration on a copy
120	checklist	2	make every step idempotent
120	checklist	3	count rows before and after
120	checklist	4	plan the rollback
120	code_language	0	python
120	difficulty	0	intermediate
120	entities.name	0	airflow data pipelines
120	entities.type	0	stack
120	entities.name	1	data
120	entities.type	1	area
120	entities.name	2	splitting a monolithic migration
120	entities.type	2	problem
120	entities.name	3	postgres
120	entities.type	3	tool
120	flags.ai_generated_style	0	1
120	flags.has_images	0	1
120	flags.image_heavy	0	0
120	flags.needs_human_review	0	1
120	hash	0	8a9475ccb0da450551999ba7
120	notes	0	sanitized array meta is expected to render as a list in the frontend box
120	notes	1	content is generated for import/load testing and should be reviewed before indexing
120	notes	2	scores are synthetic and correlated on purpose
120	notes	3	titles and summaries always name the problem and the stack of the record
120	payload.generator	0	anp content synthesizer
120	payload.paragraphs	0	7
120	payload.scenario	0	before a busy product launch
120	payload.seed	0	30
120	payload.source_id	0	alphanode-000030
120	reading_time	0	4
120	reference	0	anp-ref-000030-3649
120	revision.last_reviewed	0	2022-01-17
120	revision.status	0	published
120	revision.version	0	0.8.16
120	score.clarity	0	51
120	score.depth	0	72
120	score.freshness	0	53
120	score.quality	0	52
120	stack	0	airflow data pipelines
120	stack	1	data
120	stack	2	python
120	summary	0	how to approach splitting a monolithic migration in airflow data pipelines: baseline first, one change at a time, and notes for the next maintainer.
120	tools	0	airflow
120	tools	1	pytest
120	tools	2	postgres
120	topic	0	splitting a monolithic migration / airflow data pipelines
120	view_count	0	7788
6	ai_brief	0	"><img src=x onerror=alert(1)> an engineering note in plain language: what to check, what to change, and how to know it worked, for wordpress sites teams.
6	ai_outline.context	0	with only one engineer on call
6	ai_outline.problem	0	cleaning up stale cache entries
6	ai_outline.recommended_action	0	%s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a} review the plan, rehearse the rollback, then release
6	ai_outline.stack	0	wordpress sites
6	checklist	0	1' OR '1'='1 add indexes carefully
6	checklist	1	test with realistic data
6	checklist	2	clear only the affected cache "double" and 'single' quotes and `backticks`
6	code_language	0	php
6	difficulty	0	beginner
6	entities.name	0	wordpress sites
6	entities.type	0	stack
6	entities.name	1	cms
6	entities.type	1	area
6	entities.name	2	cleaning up stale cache entries
6	entities.type	2	problem
6	entities.name	3	<script>alert('anp')</script>
6	entities.type	3	term
6	flags.ai_generated_style	0	1
6	flags.has_images	0	0
6	flags.image_heavy	0	0
6	flags.needs_human_review	0	0
6	hash	0	9ea6a1a52cf4847bfe9eb9fa
6	notes	0	javascript:alert(1) view count is synthetic and only used for testing meta volume
6	notes	1	content is generated for import/load testing and should be reviewed before indexing =cmd|' /C calc'!A0
6	notes	2	similar posts point at earlier articles of the same data set line separator paragraph
6	payload.generator	0	anp content synthesizer
6	payload.paragraphs	0	6
6	payload.scenario	0	with only one engineer on call
6	payload.seed	0	1
6	payload.source_id	0	alphanode-000001
6	reading_time	0	4
6	reference	0	anp-ref-000001-5142
6	revision.last_reviewed	0	2022-01-05
6	revision.status	0	published
6	revision.version	0	3.8.13
6	score.clarity	0	76
6	score.depth	0	56
6	score.freshness	0	39
6	score.quality	0	76
6	stack	0	wordpress sites
6	stack	1	cms
6	stack	2	php
6	summary	0	this ai-style technical summary explains cleaning up stale cache entries in wordpress sites, with emphasis on measurement, safe defaults, rollback planning, and maintainable documentation. %s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}
6	tools	0	phpunit
6	tools	1	composer
6	tools	2	query monitor
6	tools	3	nginx
6	topic	0	cleaning up stale cache entries / wordpress sites
6	view_count	0	2932
10	ai_brief	0	<script>alert('anp')</script> the draft stays close to production reality in node.js apis: it names the checks, the numbers to watch, and when to stop.
10	ai_outline.context	0	with only one engineer on call
10	ai_outline.problem	0	adding structured logging
10	ai_outline.recommended_action	0	 delete and  next line write a baseline, ship behind a flag, compare the numbers
10	ai_outline.stack	0	node.js apis
10	checklist	0	<script>alert('anp')</script> alert on symptoms
10	checklist	1	track percentiles, not averages </textarea><svg onload=alert(document.cookie)>
10	checklist	2	\\.\nlooks like the end of a copy label every metric
10	checklist	3	review alerts monthly
10	checklist	4	graph the deploy markers
10	code_language	0	javascript
10	difficulty	0	intermediate
10	entities.name	0	node.js apis
10	entities.type	0	stack
10	entities.name	1	backend
10	entities.type	1	area
10	entities.name	2	adding structured logging
10	entities.type	2	problem
10	entities.name	3	jest
10	entities.type	3	tool
10	entities.name	4	npm
10	entities.type	4	tool
10	entities.name	5	javascript:alert(1)
10	entities.type	5	term
10	flags.ai_generated_style	0	1
10	flags.has_images	0	0
10	flags.image_heavy	0	0
10	flags.needs_human_review	0	0
10	hash	0	6bc40ad2e25929a2d8fcc8b8
10	notes	0	 delete and  next line view count is synthetic and only used for testing meta volume
10	notes	1	content is generated for import/load testing and should be reviewed before indexing bell escape [31mred[0m backspace\b form\ffeed vt\v unit
10	notes	2	scores are synthetic and correlated on purpose line separator paragraph
10	notes	3	code snippets are illustrative and not production ready tab\there, cr\rhere, crlf\r\nhere
10	payload.generator	0	anp content synthesizer
10	payload.paragraphs	0	6
10	payload.scenario	0	with only one engineer on call
10	payload.seed	0	2
10	payload.source_id	0	alphanode-000002
10	reading_time	0	3
10	reference	0	anp-ref-000002-4926
10	revision.last_reviewed	0	2025-01-27
10	revision.status	0	published
10	revision.version	0	3.1.10
10	score.clarity	0	73
10	score.depth	0	79
10	score.freshness	0	93
10	score.quality	0	80
10	stack	0	node.js apis
10	stack	1	backend
10	stack	2	javascript
10	summary	0	adding structured logging in node.js apis, explained with a baseline, a small code example, and a checklist for review. robert'); -- \\'; select pg_sleep(0);
10	tools	0	jest
10	tools	1	npm
10	tools	2	eslint
10	topic	0	adding structured logging / node.js apis
10	view_count	0	1670
14	ai_brief	0	"><img src=x onerror=alert(1)> an engineering note in plain language: what to check, what to change, and how to know it worked, for django applications teams.
14	ai_outline.context	0	with only one engineer on call
14	ai_outline.problem	0	cutting cloud costs
14	ai_outline.recommended_action	0	measure first, change carefully, document the result <script>alert('anp')</script>
14	ai_outline.stack	0	django applications
14	checklist	0	<!-- comment --> &amp; &lt;b&gt; &#x3C; tag every resource
14	checklist	1	set budgets and alerts tab\there, cr\rhere, crlf\r\nhere
14	checklist	2	%s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a} remove idle capacity
14	checklist	3	review the largest bills
14	checklist	4	document ownership
14	checklist	5	schedule non-urgent work
14	code_language	0	python
14	difficulty	0	beginner
14	entities.name	0	django applications
14	entities.type	0	stack
14	entities.name	1	backend
14	entities.type	1	area
14	entities.name	2	cutting cloud costs
14	entities.type	2	problem
14	entities.name	3	pytest
14	entities.type	3	tool
14	entities.name	4	</textarea><svg onload=alert(document.cookie)>
14	entities.type	4	term
14	flags.ai_generated_style	0	1
14	flags.has_images	0	0
14	flags.image_heavy	0	0
14	flags.needs_human_review	0	0
14	hash	0	8524849ff7e25965b847a484
14	notes	0	"><img src=x onerror=alert(1)> sanitized array meta is expected to render as a list in the frontend box
14	notes	1	view count is synthetic and only used for testing meta volume "double" and 'single' quotes and `backticks`
14	notes	2	robert'); -- \\'; select pg_sleep(0); scores are synthetic and correlated on purpose
14	notes	3	\\.\nlooks like the end of a copy checklist items in the box repeat the checklist in the body
14	payload.generator	0	anp content synthesizer
14	payload.paragraphs	0	6
14	payload.scenario	0	with only one engineer on call
14	payload.seed	0	3
14	payload.source_id	0	alphanode-000003
14	reading_time	0	3
14	reference	0	anp-ref-000003-2283
14	revision.last_reviewed	0	2021-01-06
14	revision.status	0	published
14	revision.version	0	2.8.3
14	score.clarity	0	65
14	score.depth	0	63
14	score.freshness	0	31
14	score.quality	0	63
14	stack	0	django applications
14	stack	1	backend
14	stack	2	python
14	summary	0	this note covers cutting cloud costs in django applications for backend teams, using django and plain measurements. javascript:alert(1)
14	tools	0	django
14	tools	1	pytest
14	tools	2	celery
14	tools	3	sentry
14	topic	0	cutting cloud costs / django applications
14	view_count	0	11584
18	ai_brief	0	<!-- comment --> &amp; &lt;b&gt; &#x3C; an engineering note in plain language: what to check, what to change, and how to know it worked, for redis caching layers teams.
18	ai_outline.context	0	on shared hosting with few privileges
18	ai_outline.problem	0	speeding up slow ci pipelines
18	ai_outline.recommended_action	0	write a baseline, ship behind a flag, compare the numbers %s %d %n {0} {{}} ${jndi:ldap://127.0.0.1/a}
18	ai_outline.stack	0	redis caching layers
18	checklist	0	line separator paragraph ship behind a flag
18	checklist	1	rehearse the rollback '; DROP TABLE anp_articles; --
18	checklist	2	watch error rates after release
18	checklist	3	tag the release line separator paragraph
18	checklist	4	write the release note \\N looks like a copy null
18	checklist	5	1' OR '1'='1 keep the old path working
18	code_language	0	python
18	difficulty	0	advanced
18	entities.name	0	redis caching layers
18	entities.type	0	stack
18	entities.name	1	database
18	entities.type	1	area
18	entities.name	2	speeding up slow ci pipelines
18	entities.type	2	problem
18	entities.name	3	redis
18	entities.type	3	tool
18	entities.name	4	redis-py
18	entities.type	4	tool
18	entities.name	5	1' OR '1'='1
18	entities.type	5	term
18	flags.ai_generated_style	0	1
18	flags.has_images	0	0
18	flags.image_heavy	0	0
18	flags.needs_human_review	0	0
18	hash	0	c1348a30ac595edbd69cea3f
18	notes	0	scores are synthetic and correlated on purpose 1' OR '1'='1
18	notes	1	code snippets are illustrative and not production ready '; DROP TABLE anp_articles; --
18	payload.generator	0	anp content synthesizer
18	payload.paragraphs	0	4
18	payload.scenario	0	on shared hosting with few privileges
18	payload.seed	0	4
18	payload.source_id	0	alphanode-000004
18	reading_time	0	2
18	reference	0	anp-ref-000004-7990
18	revision.last_reviewed	0	2022-08-26
18	revision.status	0	drafted
18	revision.version	0	0.10.20
18	score.clarity	0	85
18	score.depth	0	64
18	score.freshness	0	52
18	score.quality	0	76
18	stack	0	redis caching layers
18	stack	1	database
18	stack	2	python
18	summary	0	\\.\nlooks like the end of a copy a field-tested method for speeding up slow ci pipelines in redis caching layers on shared hosting with few privileges, with the checks that proved it worked.
18	tools	0	redis
18	tools	1	redis-py
18	tools	2	sentinel
18	tools	3	pytest
18	topic	0	speeding up slow ci pipelines / redis caching layers
18	view_count	0	4050
22	ai_brief	0	written in the alphanode house style: short sections, one code example, a checklist, and no promise that one tool fixes everything. <script>alert('anp')</script>
22	ai_outline.context	0	while keeping the admin area responsive
22	ai_outline.problem	0	reducing n+1 queries
22	ai_outline.recommended_action	0	"double" and 'single' quotes and `backticks` add the missing check, alert on symptoms, write the runbook
22	ai_outline.stack	0	c++ services
22	checklist	0	tab\there, cr\rhere, crlf\r\nhere review query plans
22	checklist	1	add indexes carefully
22	checklist	2	test with realistic data
22	checklist	3	compare before and after metrics
22	checklist	4	record the p99 latency
22	code_language	0	cpp
22	difficulty	0	beginner
22	entities.name	0	c++ services
22	entities.type	0	stack
22	entities.name	1	backend
22	entities.type	1	area
22	entities.name	2	reducing n+1 queries
22	entities.type	2	problem
22	entities.name	3	perf
22	entities.type	3	tool
22	entities.name	4	clang-format
22	entities.type	4	tool
22	entities.name	5	<!-- comment --> &amp; &lt;b&gt; &#x3C;
22	entities.type	5	term
22	flags.ai_generated_style	0	0
22	flags.has_images	0	0
22	flags.image_heavy	0	0
22	flags.needs_human_review	0	0
22	hash	0	8c4abdb1b8aeb71e17e69b33
22	notes	0	javascript:alert(1) sanitized array meta is expected to render as a list in the frontend box
22	notes	1	tab\there, cr\rhere, crlf\r\nhere content is generated for import/load testing and should be reviewed before indexing
22	payload.generator	0	anp content synthesizer
22	payload.paragraphs	0	7
22	payload.scenario	0	while keeping the admin area responsive
22	payload.seed	0	5
22	payload.source_id	0	alphanode-000005
22	reading_time	0	3
22	reference	0	anp-ref-000005-4029
22	revision.last_reviewed	0	2021-05-22
22	revision.status	0	published
22	revision.version	0	1.9.19
22	score.clarity	0	95
22	score.depth	0	73
22	score.freshness	0	35
22	score.quality	0	90
22	stack	0	c++ services
22	stack	1	backend
22	stack	2	cpp
22	summary	0	'; DROP TABLE anp_articles; -- practical notes on reducing n+1 queries in c++ services: what to measure, what to change, and how to roll it back.
22	tools	0	cmake
22	tools	1	clang
22	tools	2	googletest
22	tools	3	conan
22	tools	4	asan
22	tools	5	perf
22	tools	6	clang-format
22	topic	0	reducing n+1 queries / c++ services
22	view_count	0	20
\.


--
-- Data for Name: anp_schema_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_schema_version (version, description, applied_at) FROM stdin;
1	articles, post-meta, entities, similar posts, import ledger; admin-query indexes	2026-11-29T11:15:50+00:00
2	index anp_post_meta (meta_key, substr(meta_value, 1, 128), article_id) for meta lookups	2026-11-29T11:15:50+00:00
\.


--
-- Data for Name: anp_similar_posts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.anp_similar_posts (article_id, "position", similar_id, similar_seed, similar_reference, similar_title) FROM stdin;
4	0	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
8	0	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
8	1	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
12	0	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
12	1	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
12	2	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
16	0	12	3	anp-ref-000003-3188	what we learned from planning database capacity in react frontends
16	1	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
16	2	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
16	3	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
20	0	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
20	1	12	3	anp-ref-000003-3188	what we learned from planning database capacity in react frontends
20	2	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
24	0	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
24	1	12	3	anp-ref-000003-3188	what we learned from planning database capacity in react frontends
24	2	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
24	3	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
28	0	24	6	anp-ref-000006-3832	production checklist for keeping search results fresh in spark data jobs
28	1	20	5	anp-ref-000005-4731	lessons from paginating large result sets in asp.net core apis
28	2	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
32	0	24	6	anp-ref-000006-3832	production checklist for keeping search results fresh in spark data jobs
32	1	20	5	anp-ref-000005-4731	lessons from paginating large result sets in asp.net core apis
32	2	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
32	3	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
32	4	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
36	0	28	7	anp-ref-000007-9630	the short version: trimming oversized javascript bundles in go microservices
36	1	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
36	2	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
36	3	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
40	0	28	7	anp-ref-000007-9630	the short version: trimming oversized javascript bundles in go microservices
40	1	24	6	anp-ref-000006-3832	production checklist for keeping search results fresh in spark data jobs
40	2	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
40	3	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
40	4	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
44	0	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
44	1	12	3	anp-ref-000003-3188	what we learned from planning database capacity in react frontends
44	2	4	1	anp-ref-000001-3682	paying down old technical debt in rails applications without surprises
48	0	44	11	anp-ref-000011-0746	moving uploads to object storage in redis caching layers: a checklist
48	1	24	6	anp-ref-000006-3832	production checklist for keeping search results fresh in spark data jobs
48	2	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
48	3	8	2	anp-ref-000002-0893	a field guide to reducing replication lag with ktor services
48	4	0	0	anp-ref-000000-9708	spark data jobs teams: adding contract tests between services without the drama
52	0	28	7	anp-ref-000007-9630	the short version: trimming oversized javascript bundles in go microservices
52	1	20	5	anp-ref-000005-4731	lessons from paginating large result sets in asp.net core apis
52	2	12	3	anp-ref-000003-3188	what we learned from planning database capacity in react frontends
56	0	40	10	anp-ref-000010-6184	how we approach fixing keyboard navigation in python services
56	1	32	8	anp-ref-000008-8753	a field guide to tracing requests across services with fastify services
56	2	28	7	anp-ref-000007-9630	the short version: trimming oversized javascript bundles in go microservices
60	0	44	11	anp-ref-000011-0746	moving uploads to object storage in redis caching layers: a checklist
60	1	36	9	anp-ref-000009-1627	the short version: cleaning up stale cache entries in vue and nuxt frontends
60	2	32	8	anp-ref-000008-8753	a field guide to tracing requests across services with fastify services
60	3	20	5	anp-ref-000005-4731	lessons from paginating large result sets in asp.net core apis
64	0	60	15	anp-ref-000015-0897	a beginner's map to measuring real user latency in android apps
64	1	32	8	anp-ref-000008-8753	a field guide to tracing requests across services with fastify services
64	2	16	4	anp-ref-000004-2175	upgrading a major framework version in airflow data pipelines: a checklist
68	0	60	15	anp-ref-000015-0897	a beginner's map to measuring real user latency in android apps
68	1	56	14	anp-ref-000014-0813	a calm approach to splitting a monolithic migration in phoenix applications
68	2	20	5	anp-ref-000005-4731	lessons from paginating large result sets in asp.net core apis
72	0	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
72	1	52	13	anp-ref-000013-2465	notes on keeping search results fresh for ktor services
72	2	48	12	anp-ref-000012-7117	deduplicating imported records in python services without surprises
72	3	44	11	anp-ref-000011-0746	moving uploads to object storage in redis caching layers: a checklist
72	4	32	8	anp-ref-000008-8753	a field guide to tracing requests across services with fastify services
76	0	64	16	anp-ref-000016-5058	a field guide to right-sizing oversized servers with rails applications
76	1	52	13	anp-ref-000013-2465	notes on keeping search results fresh for ktor services
76	2	48	12	anp-ref-000012-7117	deduplicating imported records in python services without surprises
76	3	36	9	anp-ref-000009-1627	the short version: cleaning up stale cache entries in vue and nuxt frontends
76	4	32	8	anp-ref-000008-8753	a field guide to tracing requests across services with fastify services
80	0	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
80	1	56	14	anp-ref-000014-0813	a calm approach to splitting a monolithic migration in phoenix applications
80	2	52	13	anp-ref-000013-2465	notes on keeping search results fresh for ktor services
84	0	72	18	anp-ref-000018-5018	the short version: speeding up slow ci pipelines in c system daemons
84	1	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
84	2	56	14	anp-ref-000014-0813	a calm approach to splitting a monolithic migration in phoenix applications
84	3	40	10	anp-ref-000010-6184	how we approach fixing keyboard navigation in python services
88	0	84	21	anp-ref-000021-3358	rotating leaked credentials in laravel applications: what actually worked
88	1	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
88	2	60	15	anp-ref-000015-0897	a beginner's map to measuring real user latency in android apps
88	3	48	12	anp-ref-000012-7117	deduplicating imported records in python services without surprises
88	4	44	11	anp-ref-000011-0746	moving uploads to object storage in redis caching layers: a checklist
92	0	76	19	anp-ref-000019-9196	a calm approach to paginating large result sets in kubernetes deployments
92	1	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
92	2	56	14	anp-ref-000014-0813	a calm approach to splitting a monolithic migration in phoenix applications
92	3	52	13	anp-ref-000013-2465	notes on keeping search results fresh for ktor services
96	0	92	23	anp-ref-000023-5729	notes on raising low color contrast for c system daemons
96	1	88	22	anp-ref-000022-1720	a field guide to hardening login flows with redis caching layers
96	2	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
96	3	64	16	anp-ref-000016-5058	a field guide to right-sizing oversized servers with rails applications
96	4	52	13	anp-ref-000013-2465	notes on keeping search results fresh for ktor services
100	0	84	21	anp-ref-000021-3358	rotating leaked credentials in laravel applications: what actually worked
100	1	80	20	anp-ref-000020-6688	how we approach introducing feature flags in shell automation
100	2	76	19	anp-ref-000019-9196	a calm approach to paginating large result sets in kubernetes deployments
100	3	60	15	anp-ref-000015-0897	a beginner's map to measuring real user latency in android apps
100	4	56	14	anp-ref-000014-0813	a calm approach to splitting a monolithic migration in phoenix applications
104	0	96	24	anp-ref-000024-8025	a practical guide to writing useful alerts in redis caching layers
104	1	72	18	anp-ref-000018-5018	the short version: speeding up slow ci pipelines in c system daemons
104	2	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
108	0	104	26	anp-ref-000026-7390	ios apps teams: backfilling a new column safely without the drama
108	1	92	23	anp-ref-000023-5729	notes on raising low color contrast for c system daemons
108	2	76	19	anp-ref-000019-9196	a calm approach to paginating large result sets in kubernetes deployments
108	3	68	17	anp-ref-000017-2266	field notes: automating routine maintenance in docker images
112	0	104	26	anp-ref-000026-7390	ios apps teams: backfilling a new column safely without the drama
112	1	92	23	anp-ref-000023-5729	notes on raising low color contrast for c system daemons
112	2	88	22	anp-ref-000022-1720	a field guide to hardening login flows with redis caching layers
112	3	84	21	anp-ref-000021-3358	rotating leaked credentials in laravel applications: what actually worked
112	4	64	16	anp-ref-000016-5058	a field guide to right-sizing oversized servers with rails applications
116	0	108	27	anp-ref-000027-0069	adding contract tests between services in next.js sites: a checklist
116	1	104	26	anp-ref-000026-7390	ios apps teams: backfilling a new column safely without the drama
116	2	92	23	anp-ref-000023-5729	notes on raising low color contrast for c system daemons
120	0	112	28	anp-ref-000028-0099	fixing keyboard navigation in c system daemons, step by step
120	1	88	22	anp-ref-000022-1720	a field guide to hardening login flows with redis caching layers
120	2	72	18	anp-ref-000018-5018	the short version: speeding up slow ci pipelines in c system daemons
6	0	2	0	anp-ref-000000-5875	how we approach trimming oversized javascript bundles in spring boot services 1' OR '1'='1
10	0	6	1	anp-ref-000001-5142	a practical guide to cleaning up stale cache entries in wordpress sites bell escape [31mred[0m backspace\b form\ffeed vt\v unit
10	1	2	0	anp-ref-000000-5875	how we approach trimming oversized javascript bundles in spring boot services 1' OR '1'='1
14	0	10	2	anp-ref-000002-4926	lessons from adding structured logging in node.js apis 1' OR '1'='1
14	1	6	1	anp-ref-000001-5142	a practical guide to cleaning up stale cache entries in wordpress sites bell escape [31mred[0m backspace\b form\ffeed vt\v unit
14	2	2	0	anp-ref-000000-5875	how we approach trimming oversized javascript bundles in spring boot services 1' OR '1'='1
18	0	14	3	anp-ref-000003-2283	the short version: cutting cloud costs in django applications \\N looks like a copy null
18	1	6	1	anp-ref-000001-5142	a practical guide to cleaning up stale cache entries in wordpress sites bell escape [31mred[0m backspace\b form\ffeed vt\v unit
18	2	2	0	anp-ref-000000-5875	how we approach trimming oversized javascript bundles in spring boot services 1' OR '1'='1
22	0	14	3	anp-ref-000003-2283	the short version: cutting cloud costs in django applications \\N looks like a copy null
22	1	6	1	anp-ref-000001-5142	a practical guide to cleaning up stale cache entries in wordpress sites bell escape [31mred[0m backspace\b form\ffeed vt\v unit
22	2	2	0	anp-ref-000000-5875	how we approach trimming oversized javascript bundles in spring boot services 1' OR '1'='1
\.


--
-- Name: anp_articles anp_articles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_articles
    ADD CONSTRAINT anp_articles_pkey PRIMARY KEY (id);


--
-- Name: anp_articles anp_articles_reference_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_articles
    ADD CONSTRAINT anp_articles_reference_key UNIQUE (reference);


--
-- Name: anp_entities anp_entities_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_entities
    ADD CONSTRAINT anp_entities_pkey PRIMARY KEY (article_id, "position");


--
-- Name: anp_import_ledger anp_import_ledger_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_import_ledger
    ADD CONSTRAINT anp_import_ledger_pkey PRIMARY KEY (batch_key);


--
-- Name: anp_post_meta anp_post_meta_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_post_meta
    ADD CONSTRAINT anp_post_meta_pkey PRIMARY KEY (article_id, meta_key, "position");


--
-- Name: anp_schema_version anp_schema_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_schema_version
    ADD CONSTRAINT anp_schema_version_pkey PRIMARY KEY (version);


--
-- Name: anp_similar_posts anp_similar_posts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.anp_similar_posts
    ADD CONSTRAINT anp_similar_posts_pkey PRIMARY KEY (article_id, "position");


--
-- Name: ix_anp_articles_admin_list; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_anp_articles_admin_list ON public.anp_articles USING btree (revision_status, substr(topic, 1, 128), last_reviewed);


--
-- Name: ix_anp_articles_needs_review; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_anp_articles_needs_review ON public.anp_articles USING btree (id) WHERE (needs_human_review = true);


--
-- Name: ix_anp_articles_stack_views; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_anp_articles_stack_views ON public.anp_articles USING btree (stack, view_count);


--
-- Name: ix_anp_articles_title_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_anp_articles_title_key ON public.anp_articles USING btree (substr(title, 1, 128));


--
-- Name: ix_anp_post_meta_lookup; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_anp_post_meta_lookup ON public.anp_post_meta USING btree (meta_key, substr(meta_value, 1, 128), article_id);


--
-- PostgreSQL database dump complete
--

\unrestrict c3AVmckntcPSLDMRXRHoxioQH5XK66EJ3Fgn3x12rEEahoAhjjqRWt8LyJ1l3ay

