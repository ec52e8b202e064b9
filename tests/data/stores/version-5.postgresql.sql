--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

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

--
-- Name: __schema__; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA __schema__;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: adjustments; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.adjustments (
    id bigint NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    amount_cents bigint NOT NULL,
    date date NOT NULL,
    external_id character varying COLLATE pg_catalog."C"
);


--
-- Name: adjustments_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.adjustments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: adjustments_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.adjustments_id_seq OWNED BY __schema__.adjustments.id;


--
-- Name: batch_changes; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_changes (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    level integer NOT NULL,
    status character varying NOT NULL,
    first_statement date,
    last_statement date,
    statements_sent integer NOT NULL
);


--
-- Name: batch_deletions; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_deletions (
    id bigint NOT NULL,
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    profile_id character varying NOT NULL COLLATE pg_catalog."C",
    run_date date NOT NULL,
    mode character varying NOT NULL,
    rules_hash character varying NOT NULL,
    rules_path text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    deleted_at timestamp with time zone NOT NULL,
    statements integer NOT NULL,
    notifications_json text NOT NULL,
    restored integer NOT NULL
);


--
-- Name: batch_deletions_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.batch_deletions_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: batch_deletions_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.batch_deletions_id_seq OWNED BY __schema__.batch_deletions.id;


--
-- Name: batch_encounters_before; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_encounters_before (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    level integer NOT NULL,
    status character varying NOT NULL,
    first_statement date,
    last_statement date,
    statements_sent integer NOT NULL,
    worklist_batch_id character varying COLLATE pg_catalog."C",
    worklist_since date
);


--
-- Name: batch_pre_collections; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_pre_collections (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C"
);


--
-- Name: batch_reviewed_payments; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_reviewed_payments (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    payment_id bigint NOT NULL
);


--
-- Name: batch_skips; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_skips (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    guarantor_id character varying NOT NULL COLLATE pg_catalog."C",
    reason character varying NOT NULL
);


--
-- Name: batch_traces; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batch_traces (
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    guarantor_id character varying COLLATE pg_catalog."C",
    steps_json text
);


--
-- Name: batches; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.batches (
    id character varying NOT NULL COLLATE pg_catalog."C",
    profile_id character varying NOT NULL COLLATE pg_catalog."C",
    run_date date NOT NULL,
    mode character varying NOT NULL,
    rules_hash character varying NOT NULL,
    rules_path text NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: channel_rates; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.channel_rates (
    key character varying NOT NULL COLLATE pg_catalog."C",
    next_free double precision NOT NULL
);


--
-- Name: encounters; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.encounters (
    id character varying NOT NULL COLLATE pg_catalog."C",
    guarantor_id character varying NOT NULL COLLATE pg_catalog."C",
    patient_id character varying NOT NULL COLLATE pg_catalog."C",
    service_date date NOT NULL,
    balance_cents bigint NOT NULL,
    level integer NOT NULL,
    status character varying NOT NULL,
    hold boolean NOT NULL,
    location character varying,
    provider character varying,
    first_statement date,
    last_statement date,
    statements_sent integer NOT NULL,
    profile character varying COLLATE pg_catalog."C",
    worklist_batch_id character varying COLLATE pg_catalog."C",
    worklist_since date
);


--
-- Name: guarantors; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.guarantors (
    id character varying NOT NULL COLLATE pg_catalog."C",
    first_name character varying NOT NULL,
    last_name character varying NOT NULL,
    email character varying,
    mobile character varying,
    timezone character varying,
    paperless boolean NOT NULL,
    hold boolean NOT NULL,
    sms_opt_out boolean NOT NULL,
    email_opt_out boolean NOT NULL,
    profile character varying COLLATE pg_catalog."C",
    postal_line1 character varying,
    postal_line2 character varying,
    postal_city character varying,
    postal_state character varying,
    postal_zip character varying
);


--
-- Name: meta; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.meta (
    key character varying NOT NULL,
    value text NOT NULL
);


--
-- Name: notification_history; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.notification_history (
    id bigint NOT NULL,
    notification_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    old_status character varying,
    new_status character varying NOT NULL,
    message_id character varying,
    level integer,
    rules_hash character varying,
    attempt integer NOT NULL,
    detail text,
    actor character varying
);


--
-- Name: notification_history_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.notification_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: notification_history_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.notification_history_id_seq OWNED BY __schema__.notification_history.id;


--
-- Name: notifications; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.notifications (
    id bigint NOT NULL,
    batch_id character varying COLLATE pg_catalog."C",
    statement_id character varying NOT NULL COLLATE pg_catalog."C",
    guarantor_id character varying NOT NULL COLLATE pg_catalog."C",
    profile_id character varying COLLATE pg_catalog."C",
    channel character varying NOT NULL,
    message_id character varying NOT NULL,
    level integer NOT NULL,
    status character varying NOT NULL,
    reason text,
    to_address text,
    scheduled_at timestamp with time zone NOT NULL,
    content_json text NOT NULL,
    context_json text NOT NULL,
    timezone character varying NOT NULL,
    send_window character varying,
    max_attempts integer NOT NULL,
    backoff_json text NOT NULL,
    kind character varying NOT NULL,
    idempotency_key character varying NOT NULL,
    attempt integer NOT NULL,
    next_attempt_at timestamp with time zone,
    rules_hash character varying,
    proof boolean NOT NULL,
    lease_owner character varying,
    lease_expires_at timestamp with time zone,
    handed_at timestamp with time zone,
    provider_ref text,
    superseded_by character varying COLLATE pg_catalog."C",
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: notifications_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.notifications_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: notifications_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.notifications_id_seq OWNED BY __schema__.notifications.id;


--
-- Name: opt_outs; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.opt_outs (
    id bigint NOT NULL,
    guarantor_id character varying NOT NULL COLLATE pg_catalog."C",
    channel character varying NOT NULL,
    at timestamp with time zone NOT NULL,
    source character varying NOT NULL
);


--
-- Name: opt_outs_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.opt_outs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: opt_outs_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.opt_outs_id_seq OWNED BY __schema__.opt_outs.id;


--
-- Name: payments; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.payments (
    id bigint NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    amount_cents bigint NOT NULL,
    date date NOT NULL,
    reviewed_batch character varying COLLATE pg_catalog."C",
    external_id character varying COLLATE pg_catalog."C"
);


--
-- Name: payments_id_seq; Type: SEQUENCE; Schema: __schema__; Owner: -
--

CREATE SEQUENCE __schema__.payments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: payments_id_seq; Type: SEQUENCE OWNED BY; Schema: __schema__; Owner: -
--

ALTER SEQUENCE __schema__.payments_id_seq OWNED BY __schema__.payments.id;


--
-- Name: profiles; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.profiles (
    id character varying NOT NULL COLLATE pg_catalog."C",
    latest_live_date date,
    latest_batch_id character varying COLLATE pg_catalog."C"
);


--
-- Name: rules_versions; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.rules_versions (
    content_hash character varying NOT NULL,
    text text NOT NULL
);


--
-- Name: statement_lines; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.statement_lines (
    statement_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    encounter_id character varying NOT NULL COLLATE pg_catalog."C",
    patient_id character varying NOT NULL COLLATE pg_catalog."C",
    service_date date NOT NULL,
    balance_cents bigint NOT NULL,
    level integer NOT NULL,
    rider boolean NOT NULL
);


--
-- Name: statements; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.statements (
    id character varying NOT NULL COLLATE pg_catalog."C",
    batch_id character varying NOT NULL COLLATE pg_catalog."C",
    seq integer NOT NULL,
    guarantor_id character varying NOT NULL COLLATE pg_catalog."C",
    patient_id character varying COLLATE pg_catalog."C",
    group_json text NOT NULL,
    level integer NOT NULL,
    message_id character varying NOT NULL,
    channels_json text NOT NULL,
    total_cents bigint NOT NULL,
    due_date date NOT NULL
);


--
-- Name: users; Type: TABLE; Schema: __schema__; Owner: -
--

CREATE TABLE __schema__.users (
    name character varying NOT NULL COLLATE pg_catalog."C",
    role character varying NOT NULL,
    password_hash text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    password_changed_at timestamp with time zone NOT NULL,
    sessions_ended_at timestamp with time zone
);


--
-- Name: adjustments id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.adjustments ALTER COLUMN id SET DEFAULT nextval('__schema__.adjustments_id_seq'::regclass);


--
-- Name: batch_deletions id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_deletions ALTER COLUMN id SET DEFAULT nextval('__schema__.batch_deletions_id_seq'::regclass);


--
-- Name: notification_history id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notification_history ALTER COLUMN id SET DEFAULT nextval('__schema__.notification_history_id_seq'::regclass);


--
-- Name: notifications id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notifications ALTER COLUMN id SET DEFAULT nextval('__schema__.notifications_id_seq'::regclass);


--
-- Name: opt_outs id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.opt_outs ALTER COLUMN id SET DEFAULT nextval('__schema__.opt_outs_id_seq'::regclass);


--
-- Name: payments id; Type: DEFAULT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.payments ALTER COLUMN id SET DEFAULT nextval('__schema__.payments_id_seq'::regclass);


--
-- Data for Name: adjustments; Type: TABLE DATA; Schema: __schema__; Owner: -
--



--
-- Data for Name: batch_changes; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 0, 'E00000001', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 1, 'E00000002', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 2, 'E00000003', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 3, 'E00000004', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 4, 'E00000005', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 5, 'E00000006', 3, 'pre_collections', '2026-02-05', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 6, 'E00000007', 2, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 7, 'E00000008', 3, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 8, 'E00000009', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 9, 'E00000010', 2, 'open', '2026-04-27', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 10, 'E00000011', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 11, 'E00000012', 2, 'open', '2026-05-01', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 12, 'E00000013', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 13, 'E00000014', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 14, 'E00000015', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 15, 'E00000016', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 16, 'E00000017', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 17, 'E00000018', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 18, 'E00000019', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 19, 'E00000020', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 20, 'E00000021', 2, 'open', '2026-05-01', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 21, 'E00000022', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 22, 'E00000023', 1, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 23, 'E00000024', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 24, 'E00000025', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 25, 'E00000026', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 26, 'E00000027', 2, 'open', '2026-03-05', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 27, 'E00000028', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 28, 'E00000030', 2, 'open', '2026-05-01', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 29, 'E00000031', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 30, 'E00000032', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 31, 'E00000033', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 32, 'E00000035', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 33, 'E00000036', 1, 'open', '2026-04-27', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 34, 'E00000038', 1, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 35, 'E00000039', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 36, 'E00000040', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 37, 'E00000041', 2, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 38, 'E00000043', 1, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 39, 'E00000044', 2, 'open', '2026-05-01', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 40, 'E00000045', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 41, 'E00000047', 2, 'open', '2026-03-05', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 42, 'E00000048', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 43, 'E00000049', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 44, 'E00000050', 2, 'open', '2026-05-04', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 45, 'E00000052', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 46, 'E00000054', 3, 'pre_collections', '2026-03-06', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 47, 'E00000055', 3, 'open', '2026-04-06', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 48, 'E00000056', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 49, 'E00000057', 3, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 50, 'E00000059', 3, 'open', '2026-04-06', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 51, 'E00000060', 0, 'open', '2026-05-22', '2026-05-22', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 52, 'E00000061', 3, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 53, 'E00000063', 3, 'pre_collections', '2026-03-06', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 54, 'E00000067', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 55, 'E00000068', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 56, 'E00000069', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 57, 'E00000070', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 58, 'E00000072', 3, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 59, 'E00000073', 2, 'open', '2026-05-04', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 60, 'E00000074', 2, 'open', '2026-04-27', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 61, 'E00000075', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 62, 'E00000077', 1, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 63, 'E00000079', 3, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 64, 'E00000080', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 65, 'E00000081', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 66, 'E00000082', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 67, 'E00000083', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 68, 'E00000084', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 69, 'E00000085', 2, 'open', '2026-04-02', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 70, 'E00000086', 1, 'open', '2026-05-01', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 71, 'E00000087', 1, 'open', '2026-05-04', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 72, 'E00000089', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 73, 'E00000090', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 74, 'E00000091', 3, 'open', '2026-04-06', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 75, 'E00000092', 3, 'open', '2026-03-05', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 76, 'E00000093', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 77, 'E00000094', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 78, 'E00000095', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 79, 'E00000096', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 80, 'E00000097', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 81, 'E00000100', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 82, 'E00000101', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 83, 'E00000102', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 84, 'E00000103', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 85, 'E00000104', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 86, 'E00000105', 2, 'open', '2026-04-27', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 87, 'E00000106', 3, 'open', '2026-03-30', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 88, 'E00000107', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 89, 'E00000108', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 90, 'E00000110', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 91, 'E00000111', 2, 'open', '2026-04-03', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 92, 'E00000112', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 93, 'E00000113', 1, 'open', '2026-04-27', '2026-06-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 94, 'E00000114', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 95, 'E00000115', 3, 'open', '2026-03-05', '2026-06-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 96, 'E00000116', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 97, 'E00000117', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 98, 'E00000119', 0, 'open', '2026-05-22', '2026-05-22', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-06-01', 99, 'E00000120', 1, 'open', '2026-06-01', '2026-06-01', 1);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 0, 'E00000001', 1, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 1, 'E00000002', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 2, 'E00000003', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 3, 'E00000004', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 4, 'E00000005', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 5, 'E00000006', 3, 'pre_collections', '2026-02-05', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 6, 'E00000007', 3, 'open', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 7, 'E00000008', 3, 'pre_collections', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 8, 'E00000009', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 9, 'E00000010', 3, 'open', '2026-04-27', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 10, 'E00000011', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 11, 'E00000012', 3, 'open', '2026-05-01', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 12, 'E00000013', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 13, 'E00000014', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 14, 'E00000015', 1, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 15, 'E00000016', 3, 'pre_collections', '2026-03-02', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 16, 'E00000017', 3, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 17, 'E00000018', 3, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 18, 'E00000019', 3, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 19, 'E00000020', 3, 'pre_collections', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 20, 'E00000021', 3, 'open', '2026-05-01', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 21, 'E00000022', 1, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 22, 'E00000023', 2, 'open', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 23, 'E00000024', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 24, 'E00000025', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 25, 'E00000026', 3, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 26, 'E00000027', 3, 'open', '2026-03-05', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 27, 'E00000028', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 28, 'E00000029', 1, 'open', '2026-03-27', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 29, 'E00000030', 3, 'open', '2026-05-01', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 30, 'E00000031', 3, 'pre_collections', '2026-03-09', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 31, 'E00000032', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 32, 'E00000033', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 33, 'E00000034', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 34, 'E00000035', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 35, 'E00000036', 1, 'open', '2026-04-27', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 36, 'E00000037', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 37, 'E00000038', 2, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 38, 'E00000039', 3, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 39, 'E00000040', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 40, 'E00000041', 3, 'open', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 41, 'E00000042', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 42, 'E00000043', 1, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 43, 'E00000044', 3, 'open', '2026-05-01', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 44, 'E00000045', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 45, 'E00000046', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 46, 'E00000047', 3, 'open', '2026-03-05', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 47, 'E00000048', 3, 'pre_collections', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 48, 'E00000049', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 49, 'E00000050', 1, 'open', '2026-05-04', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 50, 'E00000051', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 51, 'E00000052', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 52, 'E00000053', 3, 'pre_collections', '2026-03-27', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 53, 'E00000054', 3, 'pre_collections', '2026-03-06', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 54, 'E00000055', 3, 'pre_collections', '2026-04-06', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 55, 'E00000056', 3, 'pre_collections', '2026-03-02', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 56, 'E00000057', 3, 'pre_collections', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 57, 'E00000058', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 58, 'E00000059', 3, 'pre_collections', '2026-04-06', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 59, 'E00000060', 1, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 60, 'E00000061', 3, 'pre_collections', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 61, 'E00000062', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 62, 'E00000063', 3, 'pre_collections', '2026-03-06', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 63, 'E00000064', 1, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 64, 'E00000065', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 65, 'E00000067', 3, 'pre_collections', '2026-03-02', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 66, 'E00000068', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 67, 'E00000069', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 68, 'E00000070', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 69, 'E00000071', 1, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 70, 'E00000072', 3, 'pre_collections', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 71, 'E00000073', 3, 'open', '2026-05-04', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 72, 'E00000074', 3, 'open', '2026-04-27', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 73, 'E00000075', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 74, 'E00000076', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 75, 'E00000077', 2, 'open', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 76, 'E00000078', 2, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 77, 'E00000079', 3, 'pre_collections', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 78, 'E00000080', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 79, 'E00000081', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 80, 'E00000082', 3, 'pre_collections', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 81, 'E00000083', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 82, 'E00000084', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 83, 'E00000085', 2, 'open', '2026-04-02', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 84, 'E00000086', 2, 'open', '2026-05-01', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 85, 'E00000087', 2, 'open', '2026-05-04', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 86, 'E00000088', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 87, 'E00000089', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 88, 'E00000090', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 89, 'E00000091', 3, 'pre_collections', '2026-04-06', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 90, 'E00000092', 1, 'open', '2026-03-05', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 91, 'E00000093', 3, 'pre_collections', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 92, 'E00000094', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 93, 'E00000095', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 94, 'E00000096', 3, 'pre_collections', '2026-03-09', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 95, 'E00000097', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 96, 'E00000098', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 97, 'E00000099', 1, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 98, 'E00000100', 3, 'pre_collections', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 99, 'E00000101', 3, 'pre_collections', '2026-03-09', '2026-07-01', 5);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 100, 'E00000102', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 101, 'E00000103', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 102, 'E00000104', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 103, 'E00000105', 3, 'open', '2026-04-27', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 104, 'E00000106', 1, 'open', '2026-03-30', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 105, 'E00000107', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 106, 'E00000108', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 107, 'E00000109', 3, 'open', '2026-04-24', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 108, 'E00000110', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 109, 'E00000111', 3, 'open', '2026-04-03', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 110, 'E00000112', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 111, 'E00000113', 1, 'open', '2026-04-27', '2026-07-01', 3);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 112, 'E00000114', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 113, 'E00000115', 3, 'pre_collections', '2026-03-05', '2026-07-01', 4);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 114, 'E00000116', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 115, 'E00000117', 2, 'open', '2026-06-01', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 116, 'E00000118', 2, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 117, 'E00000119', 1, 'open', '2026-05-22', '2026-07-01', 2);
INSERT INTO __schema__.batch_changes VALUES ('standard-2026-07-01', 118, 'E00000120', 1, 'open', '2026-06-01', '2026-07-01', 2);


--
-- Data for Name: batch_deletions; Type: TABLE DATA; Schema: __schema__; Owner: -
--



--
-- Data for Name: batch_encounters_before; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 0, 'E00000001', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 1, 'E00000002', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 2, 'E00000003', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 3, 'E00000004', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 4, 'E00000005', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 5, 'E00000006', 3, 'pre_collections', '2026-02-05', '2026-04-02', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 6, 'E00000007', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 7, 'E00000008', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 8, 'E00000009', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 9, 'E00000010', 1, 'open', '2026-04-27', '2026-04-27', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 10, 'E00000011', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 11, 'E00000012', 1, 'open', '2026-05-01', '2026-05-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 12, 'E00000013', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 13, 'E00000014', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 14, 'E00000015', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 15, 'E00000016', 3, 'open', '2026-03-02', '2026-04-27', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 16, 'E00000017', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 17, 'E00000018', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 18, 'E00000019', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 19, 'E00000020', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 20, 'E00000021', 1, 'open', '2026-05-01', '2026-05-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 21, 'E00000022', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 22, 'E00000023', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 23, 'E00000024', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 24, 'E00000025', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 25, 'E00000026', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 26, 'E00000027', 2, 'open', '2026-03-05', '2026-04-02', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 27, 'E00000028', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 28, 'E00000030', 1, 'open', '2026-05-01', '2026-05-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 29, 'E00000031', 3, 'open', '2026-03-09', '2026-05-04', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 30, 'E00000032', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 31, 'E00000033', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 32, 'E00000035', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 33, 'E00000036', 1, 'open', '2026-04-27', '2026-04-27', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 34, 'E00000038', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 35, 'E00000039', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 36, 'E00000040', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 37, 'E00000041', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 38, 'E00000043', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 39, 'E00000044', 1, 'open', '2026-05-01', '2026-05-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 40, 'E00000045', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 41, 'E00000047', 2, 'open', '2026-03-05', '2026-04-02', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 42, 'E00000048', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 43, 'E00000049', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 44, 'E00000050', 1, 'open', '2026-05-04', '2026-05-04', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 45, 'E00000052', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 46, 'E00000054', 3, 'open', '2026-03-06', '2026-05-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 47, 'E00000055', 2, 'open', '2026-04-06', '2026-05-04', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 48, 'E00000056', 3, 'open', '2026-03-02', '2026-04-27', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 49, 'E00000057', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 50, 'E00000059', 2, 'open', '2026-04-06', '2026-05-04', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 51, 'E00000060', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 52, 'E00000061', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 53, 'E00000063', 3, 'pre_collections', '2026-03-06', '2026-05-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 54, 'E00000067', 3, 'pre_collections', '2026-03-02', '2026-04-27', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 55, 'E00000068', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 56, 'E00000069', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 57, 'E00000070', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 58, 'E00000072', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 59, 'E00000073', 1, 'open', '2026-05-04', '2026-05-04', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 60, 'E00000074', 1, 'open', '2026-04-27', '2026-04-27', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 61, 'E00000075', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 62, 'E00000077', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 63, 'E00000079', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 64, 'E00000080', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 65, 'E00000081', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 66, 'E00000082', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 67, 'E00000083', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 68, 'E00000084', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 69, 'E00000085', 1, 'open', '2026-04-02', '2026-04-02', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 70, 'E00000086', 1, 'open', '2026-05-01', '2026-05-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 71, 'E00000087', 1, 'open', '2026-05-04', '2026-05-04', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 72, 'E00000089', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 73, 'E00000090', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 74, 'E00000091', 2, 'open', '2026-04-06', '2026-05-04', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 75, 'E00000092', 2, 'open', '2026-03-05', '2026-04-02', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 76, 'E00000093', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 77, 'E00000094', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 78, 'E00000095', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 79, 'E00000096', 3, 'pre_collections', '2026-03-09', '2026-05-04', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 80, 'E00000097', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 81, 'E00000100', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 82, 'E00000101', 3, 'pre_collections', '2026-03-09', '2026-05-04', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 83, 'E00000102', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 84, 'E00000103', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 85, 'E00000104', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 86, 'E00000105', 1, 'open', '2026-04-27', '2026-04-27', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 87, 'E00000106', 2, 'open', '2026-03-30', '2026-04-27', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 88, 'E00000107', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 89, 'E00000108', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 90, 'E00000110', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 91, 'E00000111', 2, 'open', '2026-04-03', '2026-05-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 92, 'E00000112', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 93, 'E00000113', 1, 'open', '2026-04-27', '2026-04-27', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 94, 'E00000114', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 95, 'E00000115', 2, 'open', '2026-03-05', '2026-04-02', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 96, 'E00000116', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 97, 'E00000117', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 98, 'E00000119', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-06-01', 99, 'E00000120', 0, 'open', NULL, NULL, 0, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 0, 'E00000001', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 1, 'E00000002', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 2, 'E00000003', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 3, 'E00000004', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 4, 'E00000005', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 5, 'E00000006', 3, 'pre_collections', '2026-02-05', '2026-06-01', 4, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 6, 'E00000007', 2, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 7, 'E00000008', 3, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 8, 'E00000009', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 9, 'E00000010', 2, 'open', '2026-04-27', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 10, 'E00000011', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 11, 'E00000012', 2, 'open', '2026-05-01', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 12, 'E00000013', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 13, 'E00000014', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 14, 'E00000015', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 15, 'E00000016', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 16, 'E00000017', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 17, 'E00000018', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 18, 'E00000019', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 19, 'E00000020', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 20, 'E00000021', 2, 'open', '2026-05-01', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 21, 'E00000022', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 22, 'E00000023', 1, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 23, 'E00000024', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 24, 'E00000025', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 25, 'E00000026', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 26, 'E00000027', 2, 'open', '2026-03-05', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 27, 'E00000028', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 28, 'E00000029', 3, 'pre_collections', '2026-03-27', '2026-05-22', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 29, 'E00000030', 2, 'open', '2026-05-01', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 30, 'E00000031', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 31, 'E00000032', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 32, 'E00000033', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 33, 'E00000034', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 34, 'E00000035', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 35, 'E00000036', 1, 'open', '2026-04-27', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 36, 'E00000037', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 37, 'E00000038', 1, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 38, 'E00000039', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 39, 'E00000040', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 40, 'E00000041', 2, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 41, 'E00000042', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 42, 'E00000043', 1, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 43, 'E00000044', 2, 'open', '2026-05-01', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 44, 'E00000045', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 45, 'E00000046', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 46, 'E00000047', 2, 'open', '2026-03-05', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 47, 'E00000048', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 48, 'E00000049', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 49, 'E00000050', 2, 'open', '2026-05-04', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 50, 'E00000051', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 51, 'E00000052', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 52, 'E00000053', 3, 'open', '2026-03-27', '2026-05-22', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 53, 'E00000054', 3, 'pre_collections', '2026-03-06', '2026-06-01', 4, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 54, 'E00000055', 3, 'open', '2026-04-06', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 55, 'E00000056', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 56, 'E00000057', 3, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 57, 'E00000058', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 58, 'E00000059', 3, 'open', '2026-04-06', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 59, 'E00000060', 0, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 60, 'E00000061', 3, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 61, 'E00000062', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 62, 'E00000063', 3, 'pre_collections', '2026-03-06', '2026-06-01', 4, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 63, 'E00000064', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 64, 'E00000065', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 65, 'E00000067', 3, 'pre_collections', '2026-03-02', '2026-06-01', 4, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 66, 'E00000068', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 67, 'E00000069', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 68, 'E00000070', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 69, 'E00000071', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 70, 'E00000072', 3, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 71, 'E00000073', 2, 'open', '2026-05-04', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 72, 'E00000074', 2, 'open', '2026-04-27', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 73, 'E00000075', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 74, 'E00000076', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 75, 'E00000077', 1, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 76, 'E00000078', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 77, 'E00000079', 3, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 78, 'E00000080', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 79, 'E00000081', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 80, 'E00000082', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 81, 'E00000083', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 82, 'E00000084', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 83, 'E00000085', 2, 'open', '2026-04-02', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 84, 'E00000086', 1, 'open', '2026-05-01', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 85, 'E00000087', 1, 'open', '2026-05-04', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 86, 'E00000088', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 87, 'E00000089', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 88, 'E00000090', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 89, 'E00000091', 3, 'open', '2026-04-06', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 90, 'E00000092', 3, 'open', '2026-03-05', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 91, 'E00000093', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 92, 'E00000094', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 93, 'E00000095', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 94, 'E00000096', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 95, 'E00000097', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 96, 'E00000098', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 97, 'E00000099', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 98, 'E00000100', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 99, 'E00000101', 3, 'pre_collections', '2026-03-09', '2026-06-01', 4, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 100, 'E00000102', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 101, 'E00000103', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 102, 'E00000104', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 103, 'E00000105', 2, 'open', '2026-04-27', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 104, 'E00000106', 3, 'open', '2026-03-30', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 105, 'E00000107', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 106, 'E00000108', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 107, 'E00000109', 2, 'open', '2026-04-24', '2026-05-22', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 108, 'E00000110', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 109, 'E00000111', 2, 'open', '2026-04-03', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 110, 'E00000112', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 111, 'E00000113', 1, 'open', '2026-04-27', '2026-06-01', 2, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 112, 'E00000114', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 113, 'E00000115', 3, 'open', '2026-03-05', '2026-06-01', 3, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 114, 'E00000116', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 115, 'E00000117', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 116, 'E00000118', 1, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 117, 'E00000119', 0, 'open', '2026-05-22', '2026-05-22', 1, NULL, NULL);
INSERT INTO __schema__.batch_encounters_before VALUES ('standard-2026-07-01', 118, 'E00000120', 1, 'open', '2026-06-01', '2026-06-01', 1, NULL, NULL);


--
-- Data for Name: batch_pre_collections; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-06-01', 0, 'E00000016');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-06-01', 1, 'E00000031');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-06-01', 2, 'E00000054');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-06-01', 3, 'E00000056');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 0, 'E00000008');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 1, 'E00000020');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 2, 'E00000048');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 3, 'E00000053');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 4, 'E00000055');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 5, 'E00000057');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 6, 'E00000059');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 7, 'E00000061');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 8, 'E00000072');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 9, 'E00000079');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 10, 'E00000082');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 11, 'E00000091');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 12, 'E00000093');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 13, 'E00000100');
INSERT INTO __schema__.batch_pre_collections VALUES ('standard-2026-07-01', 14, 'E00000115');


--
-- Data for Name: batch_reviewed_payments; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 0, 1);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 1, 2);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 2, 3);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 3, 4);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 4, 5);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 5, 6);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 6, 7);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 7, 8);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 8, 9);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 9, 10);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 10, 11);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 11, 12);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 12, 13);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 13, 14);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 14, 15);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 15, 16);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 16, 17);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-06-01', 17, 18);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 0, 19);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 1, 20);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 2, 21);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 3, 22);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 4, 23);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 5, 24);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 6, 25);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 7, 26);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 8, 27);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 9, 28);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 10, 29);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 11, 30);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 12, 31);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 13, 32);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 14, 33);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 15, 34);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 16, 35);
INSERT INTO __schema__.batch_reviewed_payments VALUES ('standard-2026-07-01', 17, 36);


--
-- Data for Name: batch_skips; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 0, 'E00000029', 'G0000008', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 1, 'E00000034', 'G0000010', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 2, 'E00000037', 'G0000011', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 3, 'E00000042', 'G0000011', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 4, 'E00000046', 'G0000012', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 5, 'E00000051', 'G0000013', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 6, 'E00000053', 'G0000014', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 7, 'E00000058', 'G0000015', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 8, 'E00000060', 'G0000015', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 9, 'E00000062', 'G0000015', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 10, 'E00000064', 'G0000015', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 11, 'E00000065', 'G0000016', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 12, 'E00000066', 'G0000016', 'encounter_hold');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 13, 'E00000071', 'G0000017', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 14, 'E00000076', 'G0000017', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 15, 'E00000078', 'G0000019', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 16, 'E00000088', 'G0000020', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 17, 'E00000098', 'G0000023', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 18, 'E00000099', 'G0000023', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 19, 'E00000109', 'G0000027', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 20, 'E00000118', 'G0000028', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-06-01', 21, 'E00000119', 'G0000028', 'billed_recently');
INSERT INTO __schema__.batch_skips VALUES ('standard-2026-07-01', 0, 'E00000066', 'G0000016', 'encounter_hold');


--
-- Data for Name: batch_traces; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 0, 'E00000001', 'G0000001', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000001 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 1, 'E00000002', 'G0000001', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000001 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 2, 'E00000003', 'G0000001', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000001 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 3, 'E00000004', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000002 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 4, 'E00000005', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000002 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 5, 'E00000006', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000002 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 6, 'E00000007', 'G0000002', '[["payments","hold","payments of 1.88 (4.7% of the balance, latest 26 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-06-01-000002 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 7, 'E00000008', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000002 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 8, 'E00000009', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000002 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 9, 'E00000010', 'G0000003', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000003 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 10, 'E00000011', 'G0000003', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000003 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 11, 'E00000012', 'G0000004', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000004 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 12, 'E00000013', 'G0000004', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000004 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 13, 'E00000014', 'G0000005', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000005 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 14, 'E00000015', 'G0000005', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000005 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 15, 'E00000016', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000006 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 16, 'E00000017', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000006 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 17, 'E00000018', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000006 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 18, 'E00000019', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000006 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 19, 'E00000020', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 61, 'E00000062', 'G0000015', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 20, 'E00000021', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 21, 'E00000022', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 22, 'E00000023', 'G0000007', '[["payments","reset_to_zero","payments of 317.00 (50.0% of the balance, latest 23 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 2 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 23, 'E00000024', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 24, 'E00000025', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000007 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 25, 'E00000026', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000008 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 26, 'E00000027', 'G0000008', '[["payments","hold","payments of 5.99 (9.1% of the balance, latest 57 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-06-01-000008 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 27, 'E00000028', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000008 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 28, 'E00000029', 'G0000008', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 29, 'E00000030', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000008 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 30, 'E00000031', 'G0000009', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000009 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 31, 'E00000032', 'G0000009', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000009 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 32, 'E00000033', 'G0000010', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000010 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 33, 'E00000034', 'G0000010', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 34, 'E00000035', 'G0000010', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000010 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 35, 'E00000036', 'G0000010', '[["payments","hold","payments of 11.26 (4.8% of the balance, latest 30 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000010 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 36, 'E00000037', 'G0000011', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 37, 'E00000038', 'G0000011', '[["payments","hold","payments of 2.86 (9.1% of the balance, latest 55 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000011 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 38, 'E00000039', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000011 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 39, 'E00000040', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000011 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 40, 'E00000041', 'G0000011', '[["payments","hold","payments of 31.66 (9.1% of the balance, latest 28 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-06-01-000011 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 41, 'E00000042', 'G0000011', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 42, 'E00000043', 'G0000011', '[["payments","hold","payments of 20.75 (23.1% of the balance, latest 54 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000011 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 43, 'E00000044', 'G0000012', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000012 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 44, 'E00000045', 'G0000012', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000012 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 45, 'E00000046', 'G0000012', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 46, 'E00000047', 'G0000013', '[["payments","hold","payments of 9.10 (23.1% of the balance, latest 58 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-06-01-000013 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 47, 'E00000048', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000013 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 48, 'E00000049', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000013 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 49, 'E00000050', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000013 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 50, 'E00000051', 'G0000013', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 51, 'E00000052', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000014 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 52, 'E00000053', 'G0000014', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 53, 'E00000054', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 54, 'E00000055', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 55, 'E00000056', 'G0000014', '[["payments","hold","payments of 41.54 (23.1% of the balance, latest 34 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 56, 'E00000057', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 57, 'E00000058', 'G0000015', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 58, 'E00000059', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 59, 'E00000060', 'G0000015', '[["payments","reset_to_zero","payments of 48.24 (33.3% of the balance, latest 3 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 1 -> 0","adequate"],["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 60, 'E00000061', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 62, 'E00000063', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 63, 'E00000064', 'G0000015', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 64, 'E00000065', 'G0000016', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 65, 'E00000066', 'G0000016', '[["eligibility","skipped","skipped: the encounter is on hold",null]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 66, 'E00000067', 'G0000016', '[["payments","none","payments of 8.16 (9.1% of the balance, latest 31 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched, but it stays in the worklist (only reset_to_zero brings an encounter back from the worklist)","token"],["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000016 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 67, 'E00000068', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000016 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 68, 'E00000069', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000016 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 69, 'E00000070', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000016 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 70, 'E00000071', 'G0000017', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 71, 'E00000072', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000017 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 72, 'E00000073', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000017 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 73, 'E00000074', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000017 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 74, 'E00000075', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000017 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 75, 'E00000076', 'G0000017', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 76, 'E00000077', 'G0000018', '[["payments","reset_to_zero","payments of 27.41 (50.0% of the balance, latest 27 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 2 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000018 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 77, 'E00000078', 'G0000019', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 78, 'E00000079', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 79, 'E00000080', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 80, 'E00000081', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 81, 'E00000082', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 82, 'E00000083', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 83, 'E00000084', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000019 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 84, 'E00000085', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000020 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 85, 'E00000086', 'G0000020', '[["payments","hold","payments of 3.22 (4.8% of the balance, latest 24 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000020 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 86, 'E00000087', 'G0000020', '[["payments","hold","payments of 14.53 (9.1% of the balance, latest 20 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000020 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 87, 'E00000088', 'G0000020', '[["payments","hold","payments of 18.40 (4.8% of the balance, latest 4 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 88, 'E00000089', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000020 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 89, 'E00000090', 'G0000021', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000021 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 90, 'E00000091', 'G0000021', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000021 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 91, 'E00000092', 'G0000021', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000021 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 92, 'E00000093', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000022 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 93, 'E00000094', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000022 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 94, 'E00000095', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000022 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 95, 'E00000096', 'G0000023', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000023 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 96, 'E00000097', 'G0000023', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000023 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 97, 'E00000098', 'G0000023', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 98, 'E00000099', 'G0000023', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 99, 'E00000100', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000024 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 100, 'E00000101', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-06-01-000024 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 101, 'E00000102', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000024 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 102, 'E00000103', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000024 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 103, 'E00000104', 'G0000025', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000025 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 104, 'E00000105', 'G0000025', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-06-01-000025 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 105, 'E00000106', 'G0000026', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000026 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 106, 'E00000107', 'G0000026', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000026 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 107, 'E00000108', 'G0000026', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000026 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 108, 'E00000109', 'G0000027', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 109, 'E00000110', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000027 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 110, 'E00000111', 'G0000027', '[["payments","hold","payments of 12.44 (23.1% of the balance, latest 23 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-06-01-000027 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 111, 'E00000112', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000027 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 112, 'E00000113', 'G0000027', '[["payments","hold","payments of 45.69 (4.8% of the balance, latest 34 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-06-01-000027 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 113, 'E00000114', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000027 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 114, 'E00000115', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-06-01-000028 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 115, 'E00000116', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000028 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 116, 'E00000117', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000028 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 117, 'E00000118', 'G0000028', '[["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 118, 'E00000119', 'G0000028', '[["payments","reset_to_zero","payments of 38.34 (33.3% of the balance, latest 4 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 1 -> 0","adequate"],["eligibility","skipped","skipped: billed 10 days ago, fewer than eligibility.cycle_days (28)","eligibility.cycle_days"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-06-01', 119, 'E00000120', 'G0000029', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-06-01-000029 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 0, 'E00000001', 'G0000001', '[["payments","hold","payments of 25.00 (6.0% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000001 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 1, 'E00000002', 'G0000001', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000001 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 2, 'E00000003', 'G0000001', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000001 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 3, 'E00000004', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000002 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 4, 'E00000005', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000002 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 5, 'E00000006', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000002 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 6, 'E00000007', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000002 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 7, 'E00000008', 'G0000002', '[["payments","hold","payments of 25.00 (6.5% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000002 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 8, 'E00000009', 'G0000002', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000002 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 9, 'E00000010', 'G0000003', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000003 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 10, 'E00000011', 'G0000003', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000003 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 11, 'E00000012', 'G0000004', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000004 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 12, 'E00000013', 'G0000004', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000004 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 13, 'E00000014', 'G0000005', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000005 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 14, 'E00000015', 'G0000005', '[["payments","reset_to_zero","payments of 25.00 (34.2% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 1 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000005 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 15, 'E00000016', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000006 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 16, 'E00000017', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000006 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 17, 'E00000018', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000006 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 18, 'E00000019', 'G0000006', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000006 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 19, 'E00000020', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000007 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 20, 'E00000021', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000007 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 21, 'E00000022', 'G0000007', '[["payments","hold","payments of 25.00 (7.8% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000007 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 22, 'E00000023', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000007 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 23, 'E00000024', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000007 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 24, 'E00000025', 'G0000007', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000007 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 25, 'E00000026', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000008 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 26, 'E00000027', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000008 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 27, 'E00000028', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000008 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 28, 'E00000029', 'G0000008', '[["payments","reset_to_zero","payments of 25.00 (43.9% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: reset to level 0 and back from the worklist","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000008 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 29, 'E00000030', 'G0000008', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000008 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 30, 'E00000031', 'G0000009', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000009 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 31, 'E00000032', 'G0000009', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000009 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 32, 'E00000033', 'G0000010', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000010 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 33, 'E00000034', 'G0000010', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000010 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 34, 'E00000035', 'G0000010', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000010 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 35, 'E00000036', 'G0000010', '[["payments","hold","payments of 25.00 (10.0% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000010 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 36, 'E00000037', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 37, 'E00000038', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 38, 'E00000039', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 39, 'E00000040', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 40, 'E00000041', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 41, 'E00000042', 'G0000011', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 42, 'E00000043', 'G0000011', '[["payments","reset_to_zero","payments of 25.00 (26.5% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 1 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000011 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 43, 'E00000044', 'G0000012', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000012 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 44, 'E00000045', 'G0000012', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000012 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 45, 'E00000046', 'G0000012', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000012 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 46, 'E00000047', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000013 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 47, 'E00000048', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000013 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 48, 'E00000049', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000013 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 49, 'E00000050', 'G0000013', '[["payments","reset_to_zero","payments of 25.00 (45.8% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 2 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000013 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 50, 'E00000051', 'G0000013', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000013 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 51, 'E00000052', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000014 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 52, 'E00000053', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 53, 'E00000054', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 54, 'E00000055', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 55, 'E00000056', 'G0000014', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 56, 'E00000057', 'G0000014', '[["payments","hold","payments of 25.00 (7.7% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000014 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 57, 'E00000058', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000015 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 58, 'E00000059', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 59, 'E00000060', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000015 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 60, 'E00000061', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 61, 'E00000062', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 62, 'E00000063', 'G0000015', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000015 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 63, 'E00000064', 'G0000015', '[["payments","hold","payments of 25.00 (7.2% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000015 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 64, 'E00000065', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000016 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 65, 'E00000066', 'G0000016', '[["eligibility","skipped","skipped: the encounter is on hold",null]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 66, 'E00000067', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000016 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 67, 'E00000068', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000016 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 68, 'E00000069', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000016 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 69, 'E00000070', 'G0000016', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000016 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 70, 'E00000071', 'G0000017', '[["payments","reset_to_zero","payments of 25.00 (43.7% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 2 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000017 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 71, 'E00000072', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000017 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 72, 'E00000073', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000017 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 73, 'E00000074', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000017 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 74, 'E00000075', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000017 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 75, 'E00000076', 'G0000017', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000017 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 76, 'E00000077', 'G0000018', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000018 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 77, 'E00000078', 'G0000019', '[["payments","hold","payments of 25.00 (21.7% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-07-01-000019 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 78, 'E00000079', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000019 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 79, 'E00000080', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000019 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 80, 'E00000081', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000019 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 81, 'E00000082', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000019 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 82, 'E00000083', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000019 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 83, 'E00000084', 'G0000019', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000019 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 84, 'E00000085', 'G0000020', '[["payments","hold","payments of 25.00 (2.4% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 2",null],["statement","billed","billed on statement standard-2026-07-01-000020 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 85, 'E00000086', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000020 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 86, 'E00000087', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000020 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 87, 'E00000088', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000020 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 88, 'E00000089', 'G0000020', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000020 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 89, 'E00000090', 'G0000021', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000021 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 90, 'E00000091', 'G0000021', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000021 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 91, 'E00000092', 'G0000021', '[["payments","reset_to_zero","payments of 25.00 (44.3% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 3 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000021 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 92, 'E00000093', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000022 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 93, 'E00000094', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000022 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 94, 'E00000095', 'G0000022', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000022 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 95, 'E00000096', 'G0000023', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000023 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 96, 'E00000097', 'G0000023', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000023 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 97, 'E00000098', 'G0000023', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000023 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 98, 'E00000099', 'G0000023', '[["payments","hold","payments of 25.00 (6.1% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000023 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 99, 'E00000100', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000024 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 100, 'E00000101', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","maxed","in the pre-collections worklist: keeps level 3, never billed alone","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000024 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 101, 'E00000102', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000024 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 102, 'E00000103', 'G0000024', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000024 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 103, 'E00000104', 'G0000025', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000025 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 104, 'E00000105', 'G0000025', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000025 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 105, 'E00000106', 'G0000026', '[["payments","reset_to_zero","payments of 25.00 (48.6% of the balance, latest 11 days ago): payments.rules[0] ''adequate'' (payment.percent >= 25 or payment.amount >= 100) matched: level 3 -> 0","adequate"],["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000026 at level 1; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 106, 'E00000107', 'G0000026', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000026 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 107, 'E00000108', 'G0000026', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000026 at level 2; the statement''s level is 2 (its highest line): message ''past_due'', channels email, text","dunning.levels[1]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 108, 'E00000109', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 109, 'E00000110', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 110, 'E00000111', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 2 -> 3",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 111, 'E00000112', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 112, 'E00000113', 'G0000027', '[["payments","hold","payments of 25.00 (2.7% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 113, 'E00000114', 'G0000027', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000027 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 114, 'E00000115', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","to_worklist","level 3 reached the dunning limit (3 levels): sent to the pre-collections worklist","dunning.no_limit"],["statement","rider","rides along on statement standard-2026-07-01-000028 at level 3; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 115, 'E00000116', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000028 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 116, 'E00000117', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000028 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 117, 'E00000118', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 1 -> 2",null],["statement","billed","billed on statement standard-2026-07-01-000028 at level 2; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 118, 'E00000119', 'G0000028', '[["eligibility","eligible","eligible for a statement",null],["advance","rise","level 0 -> 1",null],["statement","billed","billed on statement standard-2026-07-01-000028 at level 1; the statement''s level is 3 (its highest line): message ''final_notice'', channels email, text, print","dunning.levels[2]"]]');
INSERT INTO __schema__.batch_traces VALUES ('standard-2026-07-01', 119, 'E00000120', 'G0000029', '[["payments","hold","payments of 25.00 (4.9% of the balance, latest 11 days ago): payments.rules[1] ''token'' (payment.amount > 0) matched: the level does not rise this run","token"],["eligibility","eligible","eligible for a statement",null],["advance","hold","held by a payment rule: billed at level 1",null],["statement","billed","billed on statement standard-2026-07-01-000029 at level 1; the statement''s level is 1 (its highest line): message ''reminder'', channels email","dunning.levels[0]"]]');


--
-- Data for Name: batches; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.batches VALUES ('standard-2026-06-01', 'standard', '2026-06-01', 'live', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', '/work/main/rules/standard.yaml', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.batches VALUES ('standard-2026-07-01', 'standard', '2026-07-01', 'live', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', '/work/main/rules/standard.yaml', '2026-12-06 20:46:02.86632+00');


--
-- Data for Name: channel_rates; Type: TABLE DATA; Schema: __schema__; Owner: -
--



--
-- Data for Name: encounters; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.encounters VALUES ('E00000066', 'G0000016', 'P0000016b', '2025-09-04', 3842, 0, 'open', true, 'north_clinic', NULL, NULL, NULL, 0, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000029', 'G0000008', 'P0000008a', '2025-09-28', 3193, 1, 'open', false, NULL, NULL, '2026-03-27', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000034', 'G0000010', 'P0000010a', '2025-10-28', 17217, 3, 'open', false, NULL, NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000037', 'G0000011', 'P0000011a', '2025-11-20', 8401, 2, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000042', 'G0000011', 'P0000011b', '2026-02-18', 105412, 3, 'open', false, NULL, NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000046', 'G0000012', 'P0000012a', '2025-10-25', 20306, 2, 'open', false, NULL, NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000051', 'G0000013', 'P0000013a', '2026-02-26', 26889, 2, 'open', false, NULL, NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000058', 'G0000015', 'P0000015b', '2026-02-25', 9042, 2, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000062', 'G0000015', 'P0000015a', '2025-08-29', 6482, 3, 'open', false, 'north_clinic', NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000064', 'G0000015', 'P0000015b', '2025-08-17', 32435, 1, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000065', 'G0000016', 'P0000016b', '2025-09-26', 7808, 2, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000053', 'G0000014', 'P0000014b', '2025-09-20', 9508, 3, 'pre_collections', false, NULL, NULL, '2026-03-27', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000071', 'G0000017', 'P0000017b', '2026-01-16', 3225, 1, 'open', false, NULL, NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000076', 'G0000017', 'P0000017b', '2026-04-26', 9440, 3, 'open', false, NULL, NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000078', 'G0000019', 'P0000019a', '2026-01-01', 9026, 2, 'open', false, 'main_clinic', NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000088', 'G0000020', 'P0000020a', '2026-02-04', 36814, 3, 'open', false, NULL, NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000098', 'G0000023', 'P0000023b', '2025-11-10', 9472, 2, 'open', false, 'main_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000099', 'G0000023', 'P0000023b', '2026-03-13', 38792, 1, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000109', 'G0000027', 'P0000027b', '2025-10-03', 26379, 3, 'open', false, 'north_clinic', NULL, '2026-04-24', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000118', 'G0000028', 'P0000028b', '2025-08-18', 4988, 2, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000001', 'G0000001', 'P0000001a', '2025-10-02', 39018, 1, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000002', 'G0000001', 'P0000001a', '2026-01-18', 15856, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000003', 'G0000001', 'P0000001a', '2026-04-19', 18291, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000004', 'G0000002', 'P0000002a', '2025-11-03', 2073, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000005', 'G0000002', 'P0000002b', '2025-08-13', 19809, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000006', 'G0000002', 'P0000002a', '2026-01-08', 51118, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-02-05', '2026-07-01', 5, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000007', 'G0000002', 'P0000002b', '2026-02-24', 3778, 3, 'open', false, 'north_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000009', 'G0000002', 'P0000002b', '2025-11-16', 34015, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000010', 'G0000003', 'P0000003a', '2026-02-16', 2479, 3, 'open', false, NULL, NULL, '2026-04-27', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000011', 'G0000003', 'P0000003b', '2025-10-30', 6721, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000012', 'G0000004', 'P0000004b', '2025-11-30', 2449, 3, 'open', false, NULL, NULL, '2026-05-01', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000013', 'G0000004', 'P0000004b', '2025-10-21', 7331, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000014', 'G0000005', 'P0000005a', '2026-02-24', 10236, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000015', 'G0000005', 'P0000005b', '2026-02-25', 4804, 1, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000017', 'G0000006', 'P0000006a', '2025-08-15', 5862, 3, 'open', false, NULL, NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000018', 'G0000006', 'P0000006a', '2025-08-13', 10416, 3, 'open', false, NULL, NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000019', 'G0000006', 'P0000006a', '2026-01-30', 148147, 3, 'open', false, 'north_clinic', NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000008', 'G0000002', 'P0000002b', '2026-04-07', 36127, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-04-03', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000020', 'G0000007', 'P0000007b', '2025-11-07', 120445, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000021', 'G0000007', 'P0000007a', '2025-09-09', 2847, 3, 'open', false, 'north_clinic', NULL, '2026-05-01', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000022', 'G0000007', 'P0000007b', '2026-01-30', 29758, 1, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000023', 'G0000007', 'P0000007a', '2026-02-20', 31700, 2, 'open', false, 'main_clinic', NULL, '2026-04-03', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000024', 'G0000007', 'P0000007b', '2025-11-14', 24359, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000025', 'G0000007', 'P0000007a', '2025-10-02', 23268, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000026', 'G0000008', 'P0000008a', '2026-04-11', 6681, 3, 'open', false, 'north_clinic', NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000027', 'G0000008', 'P0000008a', '2025-09-29', 5993, 3, 'open', false, NULL, NULL, '2026-03-05', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000028', 'G0000008', 'P0000008a', '2025-11-27', 11807, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000030', 'G0000008', 'P0000008b', '2025-08-26', 11677, 3, 'open', false, NULL, NULL, '2026-05-01', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000032', 'G0000009', 'P0000009b', '2026-02-28', 35313, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000033', 'G0000010', 'P0000010b', '2025-11-20', 4299, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000035', 'G0000010', 'P0000010a', '2025-12-25', 4523, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000036', 'G0000010', 'P0000010a', '2025-12-21', 22532, 1, 'open', false, NULL, NULL, '2026-04-27', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000038', 'G0000011', 'P0000011a', '2026-03-17', 2864, 2, 'open', false, 'north_clinic', NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000039', 'G0000011', 'P0000011a', '2025-12-25', 28927, 3, 'open', false, 'main_clinic', NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000040', 'G0000011', 'P0000011b', '2026-01-07', 16128, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000041', 'G0000011', 'P0000011b', '2026-01-22', 31661, 3, 'open', false, 'north_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000043', 'G0000011', 'P0000011b', '2026-02-07', 6919, 1, 'open', false, 'north_clinic', NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000044', 'G0000012', 'P0000012a', '2025-09-11', 5502, 3, 'open', false, NULL, NULL, '2026-05-01', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000045', 'G0000012', 'P0000012b', '2026-05-01', 2403, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000047', 'G0000013', 'P0000013a', '2026-01-15', 3036, 3, 'open', false, 'main_clinic', NULL, '2026-03-05', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000049', 'G0000013', 'P0000013b', '2026-01-03', 19871, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000050', 'G0000013', 'P0000013b', '2025-09-02', 2958, 1, 'open', false, 'main_clinic', NULL, '2026-05-04', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000052', 'G0000014', 'P0000014b', '2025-08-21', 44676, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000060', 'G0000015', 'P0000015b', '2025-09-06', 9648, 1, 'open', false, NULL, NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000063', 'G0000015', 'P0000015b', '2026-03-27', 5860, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-03-06', '2026-07-01', 5, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000067', 'G0000016', 'P0000016a', '2025-09-20', 8166, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-03-02', '2026-07-01', 5, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000068', 'G0000016', 'P0000016a', '2026-01-04', 21403, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000069', 'G0000016', 'P0000016a', '2025-10-26', 4512, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000070', 'G0000016', 'P0000016a', '2025-09-11', 1924, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000073', 'G0000017', 'P0000017b', '2026-03-18', 7188, 3, 'open', false, 'north_clinic', NULL, '2026-05-04', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000074', 'G0000017', 'P0000017a', '2025-10-23', 8748, 3, 'open', false, 'main_clinic', NULL, '2026-04-27', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000075', 'G0000017', 'P0000017a', '2025-10-23', 8015, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000077', 'G0000018', 'P0000018b', '2026-03-29', 2741, 2, 'open', false, 'north_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000080', 'G0000019', 'P0000019b', '2026-01-04', 4497, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000081', 'G0000019', 'P0000019b', '2026-02-24', 39185, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000083', 'G0000019', 'P0000019b', '2026-02-19', 24950, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000084', 'G0000019', 'P0000019a', '2025-10-09', 8596, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000085', 'G0000020', 'P0000020a', '2025-12-13', 103407, 2, 'open', false, NULL, NULL, '2026-04-02', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000086', 'G0000020', 'P0000020a', '2026-01-12', 6444, 2, 'open', false, NULL, NULL, '2026-05-01', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000087', 'G0000020', 'P0000020a', '2025-09-17', 14532, 2, 'open', false, 'main_clinic', NULL, '2026-05-04', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000089', 'G0000020', 'P0000020a', '2026-03-19', 12468, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000090', 'G0000021', 'P0000021a', '2026-05-07', 24800, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000092', 'G0000021', 'P0000021a', '2025-10-21', 3144, 1, 'open', false, 'north_clinic', NULL, '2026-03-05', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000094', 'G0000022', 'P0000022b', '2025-11-07', 6127, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000095', 'G0000022', 'P0000022a', '2025-11-04', 279548, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000096', 'G0000023', 'P0000023b', '2025-12-02', 979, 3, 'pre_collections', false, NULL, NULL, '2026-03-09', '2026-07-01', 5, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000097', 'G0000023', 'P0000023b', '2026-02-01', 93068, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000101', 'G0000024', 'P0000024b', '2025-10-04', 38730, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-03-09', '2026-07-01', 5, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000102', 'G0000024', 'P0000024a', '2026-04-15', 46633, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000103', 'G0000024', 'P0000024a', '2026-02-02', 29246, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000104', 'G0000025', 'P0000025b', '2026-02-20', 73608, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000105', 'G0000025', 'P0000025b', '2026-01-26', 3322, 3, 'open', false, NULL, NULL, '2026-04-27', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000106', 'G0000026', 'P0000026b', '2025-09-23', 2640, 1, 'open', false, NULL, NULL, '2026-03-30', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000107', 'G0000026', 'P0000026b', '2025-11-03', 4889, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000108', 'G0000026', 'P0000026b', '2026-01-15', 4315, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000110', 'G0000027', 'P0000027a', '2026-05-01', 13453, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000111', 'G0000027', 'P0000027a', '2025-10-13', 4149, 3, 'open', false, NULL, NULL, '2026-04-03', '2026-07-01', 4, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000112', 'G0000027', 'P0000027a', '2026-04-10', 7859, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000113', 'G0000027', 'P0000027b', '2025-08-20', 91396, 1, 'open', false, 'main_clinic', NULL, '2026-04-27', '2026-07-01', 3, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000114', 'G0000027', 'P0000027a', '2026-02-20', 15820, 2, 'open', false, 'main_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000116', 'G0000028', 'P0000028b', '2026-04-01', 9218, 2, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000117', 'G0000028', 'P0000028a', '2026-04-23', 7783, 2, 'open', false, NULL, NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000119', 'G0000028', 'P0000028a', '2026-02-20', 7668, 1, 'open', false, 'north_clinic', NULL, '2026-05-22', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000120', 'G0000029', 'P0000029a', '2025-12-06', 48462, 1, 'open', false, 'north_clinic', NULL, '2026-06-01', '2026-07-01', 2, NULL, NULL, NULL);
INSERT INTO __schema__.encounters VALUES ('E00000016', 'G0000006', 'P0000006b', '2025-09-09', 9251, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-03-02', '2026-07-01', 5, NULL, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.encounters VALUES ('E00000031', 'G0000009', 'P0000009a', '2025-10-05', 10897, 3, 'pre_collections', false, NULL, NULL, '2026-03-09', '2026-07-01', 5, NULL, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.encounters VALUES ('E00000054', 'G0000014', 'P0000014a', '2026-03-27', 642, 3, 'pre_collections', false, NULL, NULL, '2026-03-06', '2026-07-01', 5, NULL, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.encounters VALUES ('E00000056', 'G0000014', 'P0000014a', '2025-10-11', 13849, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-03-02', '2026-07-01', 5, NULL, 'standard-2026-06-01', '2026-06-01');
INSERT INTO __schema__.encounters VALUES ('E00000048', 'G0000013', 'P0000013a', '2025-09-04', 19364, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000055', 'G0000014', 'P0000014b', '2026-03-16', 24573, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-04-06', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000057', 'G0000014', 'P0000014a', '2026-05-06', 30053, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-04-03', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000059', 'G0000015', 'P0000015b', '2026-04-28', 162150, 3, 'pre_collections', false, NULL, NULL, '2026-04-06', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000061', 'G0000015', 'P0000015b', '2025-10-17', 2920, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-04-03', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000072', 'G0000017', 'P0000017b', '2025-08-27', 22188, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-04-03', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000079', 'G0000019', 'P0000019b', '2025-12-22', 19414, 3, 'pre_collections', false, NULL, NULL, '2026-04-03', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000082', 'G0000019', 'P0000019a', '2025-08-23', 3959, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000091', 'G0000021', 'P0000021a', '2025-09-01', 18414, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-04-06', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000093', 'G0000022', 'P0000022b', '2025-10-17', 72935, 3, 'pre_collections', false, 'main_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000100', 'G0000024', 'P0000024a', '2025-09-04', 14386, 3, 'pre_collections', false, 'north_clinic', NULL, '2026-03-30', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');
INSERT INTO __schema__.encounters VALUES ('E00000115', 'G0000028', 'P0000028b', '2026-04-18', 5569, 3, 'pre_collections', false, NULL, NULL, '2026-03-05', '2026-07-01', 4, NULL, 'standard-2026-07-01', '2026-07-01');


--
-- Data for Name: guarantors; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.guarantors VALUES ('G0000001', 'Pat', 'Doe1', 'pat1@example.org', '+15550000001', 'America/New_York', true, false, false, false, NULL, '1 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000002', 'Pat', 'Doe2', 'pat2@example.org', '+15550000002', 'America/New_York', false, false, false, false, NULL, '2 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000003', 'Pat', 'Doe3', 'pat3@example.org', '+15550000003', 'America/Los_Angeles', true, false, false, false, NULL, '3 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000004', 'Pat', 'Doe4', 'pat4@example.org', '+15550000004', 'America/Chicago', true, false, false, false, NULL, '4 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000005', 'Pat', 'Doe5', 'pat5@example.org', '+15550000005', 'America/Chicago', true, false, false, false, NULL, '5 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000006', 'Pat', 'Doe6', 'pat6@example.org', '+15550000006', 'America/New_York', false, false, false, false, NULL, '6 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000007', 'Pat', 'Doe7', NULL, NULL, 'America/Los_Angeles', false, false, false, false, NULL, '7 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000008', 'Pat', 'Doe8', NULL, '+15550000008', 'America/Denver', false, false, false, false, NULL, '8 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000009', 'Pat', 'Doe9', NULL, NULL, NULL, false, false, false, false, NULL, '9 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000010', 'Pat', 'Doe10', NULL, '+15550000010', 'America/New_York', false, false, false, false, NULL, '10 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000011', 'Pat', 'Doe11', NULL, '+15550000011', 'America/Denver', false, false, false, false, NULL, '11 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000012', 'Pat', 'Doe12', NULL, '+15550000012', 'America/Chicago', false, false, false, false, NULL, '12 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000013', 'Pat', 'Doe13', 'pat13@example.org', NULL, 'America/Chicago', true, false, false, false, NULL, '13 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000014', 'Pat', 'Doe14', 'pat14@example.org', '+15550000014', 'America/New_York', false, false, false, false, NULL, '14 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000015', 'Pat', 'Doe15', 'pat15@example.org', '+15550000015', NULL, true, false, false, false, NULL, '15 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000016', 'Pat', 'Doe16', 'pat16@example.org', '+15550000016', 'America/Denver', true, false, false, false, NULL, '16 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000017', 'Pat', 'Doe17', 'pat17@example.org', NULL, 'America/Denver', true, false, false, false, NULL, '17 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000018', 'Pat', 'Doe18', 'pat18@example.org', '+15550000018', 'America/Chicago', true, false, false, false, NULL, '18 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000019', 'Pat', 'Doe19', 'pat19@example.org', '+15550000019', 'America/Los_Angeles', true, false, false, false, NULL, '19 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000020', 'Pat', 'Doe20', NULL, '+15550000020', 'America/Chicago', false, false, false, false, NULL, '20 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000021', 'Pat', 'Doe21', 'pat21@example.org', '+15550000021', 'America/Denver', false, false, false, false, NULL, '21 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000022', 'Pat', 'Doe22', 'pat22@example.org', '+15550000022', 'America/New_York', false, false, false, false, NULL, '22 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000023', 'Pat', 'Doe23', 'pat23@example.org', '+15550000023', NULL, true, false, false, false, NULL, '23 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000024', 'Pat', 'Doe24', 'pat24@example.org', '+15550000024', 'America/Los_Angeles', false, false, false, false, NULL, '24 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000025', 'Pat', 'Doe25', 'pat25@example.org', NULL, 'America/Chicago', false, false, false, false, NULL, '25 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000026', 'Pat', 'Doe26', 'pat26@example.org', '+15550000026', 'America/Chicago', false, false, false, false, NULL, '26 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000027', 'Pat', 'Doe27', NULL, '+15550000027', NULL, false, false, false, false, NULL, '27 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000028', 'Pat', 'Doe28', 'pat28@example.org', '+15550000028', 'America/Chicago', true, false, false, false, NULL, '28 Main St', '', 'Springfield', 'IL', '62701');
INSERT INTO __schema__.guarantors VALUES ('G0000029', 'Pat', 'Doe29', 'pat29@example.org', '+15550000029', NULL, false, false, false, false, NULL, '29 Main St', '', 'Springfield', 'IL', '62701');


--
-- Data for Name: meta; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.meta VALUES ('schema_version', '5');
INSERT INTO __schema__.meta VALUES ('secret', '157b411a3c91fdc8997fb80f3fa61057b430baf9b7f2bac1eef6f286c9654796');


--
-- Data for Name: notification_history; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.notification_history VALUES (1, 1, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (2, 2, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (3, 3, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (4, 4, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (5, 5, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (6, 6, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (7, 7, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (8, 8, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (9, 9, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (10, 10, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (11, 11, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (12, 12, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (13, 13, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (14, 14, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (15, 15, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (16, 16, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (17, 17, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (18, 18, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (19, 19, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (20, 20, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (21, 21, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (22, 22, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (23, 23, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (24, 24, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (25, 25, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (26, 26, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (27, 27, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (28, 28, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (29, 29, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (30, 30, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (31, 31, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (32, 32, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (33, 33, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (34, 34, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (35, 35, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (36, 36, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (37, 37, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (38, 38, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (39, 39, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (40, 40, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (41, 41, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (42, 42, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (43, 43, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (44, 44, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (45, 45, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (46, 46, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (47, 47, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (48, 48, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (49, 49, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (50, 50, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (51, 51, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (52, 52, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (53, 53, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (54, 54, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (55, 55, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (56, 56, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (57, 57, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (58, 58, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (59, 59, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (60, 60, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (61, 61, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (62, 62, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (63, 63, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (64, 64, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (65, 65, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (66, 66, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (67, 67, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (68, 68, '2026-12-06 20:46:02.815518+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (69, 69, '2026-12-06 20:46:02.815518+00', NULL, 'scheduled', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (70, 1, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (71, 2, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (72, 3, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (73, 4, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (74, 5, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (75, 6, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (76, 7, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (77, 8, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (78, 9, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (79, 10, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (80, 11, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (81, 12, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (82, 15, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (83, 17, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (84, 20, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (85, 23, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (86, 25, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (87, 26, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (88, 29, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (89, 30, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (90, 31, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (91, 32, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (92, 33, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (93, 35, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (94, 36, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (95, 38, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (96, 41, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (97, 42, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (98, 43, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (99, 46, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (100, 47, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (101, 48, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (102, 49, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (103, 50, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (104, 51, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (105, 52, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (106, 53, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (107, 54, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (108, 56, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (109, 57, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (110, 58, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (111, 59, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (112, 61, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (113, 62, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (114, 63, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (115, 65, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (116, 66, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (117, 67, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (118, 69, '2026-12-06 20:46:02.86632+00', 'scheduled', 'superseded', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'superseded by batch standard-2026-07-01', NULL);
INSERT INTO __schema__.notification_history VALUES (119, 70, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (120, 71, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (121, 72, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (122, 73, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (123, 74, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (124, 75, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (125, 76, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (126, 77, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (127, 78, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (128, 79, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (129, 80, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (130, 81, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (131, 82, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (132, 83, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (133, 84, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (134, 85, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (135, 86, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (136, 87, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (137, 88, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (138, 89, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (139, 90, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (140, 91, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (141, 92, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (142, 93, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (143, 94, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (144, 95, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (145, 96, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (146, 97, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (147, 98, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (148, 99, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (149, 100, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (150, 101, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (151, 102, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (152, 103, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (153, 104, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (154, 105, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (155, 106, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (156, 107, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (157, 108, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (158, 109, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (159, 110, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (160, 111, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (161, 112, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (162, 113, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (163, 114, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (164, 115, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (165, 116, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (166, 117, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (167, 118, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (168, 119, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (169, 120, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (170, 121, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (171, 122, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (172, 123, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (173, 124, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (174, 125, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (175, 126, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (176, 127, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (177, 128, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (178, 129, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (179, 130, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (180, 131, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (181, 132, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (182, 133, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (183, 134, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (184, 135, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (185, 136, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (186, 137, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (187, 138, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (188, 139, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (189, 140, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_mobile', NULL);
INSERT INTO __schema__.notification_history VALUES (190, 141, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (191, 142, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (192, 143, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'past_due', 2, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (193, 144, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'no_email', NULL);
INSERT INTO __schema__.notification_history VALUES (194, 145, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (195, 146, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (196, 147, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (197, 148, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);
INSERT INTO __schema__.notification_history VALUES (198, 149, '2026-12-06 20:46:02.86632+00', NULL, 'suppressed', 'final_notice', 3, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, 'paperless', NULL);
INSERT INTO __schema__.notification_history VALUES (199, 150, '2026-12-06 20:46:02.86632+00', NULL, 'scheduled', 'reminder', 1, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', 0, NULL, NULL);


--
-- Data for Name: notifications; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.notifications VALUES (13, 'standard-2026-06-01', 'standard-2026-06-01-000007', 'G0000007', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-06-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $2,323.77.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/pagEwHDpK30ftA_EotYDHg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000007","total_cents":232377,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/pagEwHDpK30ftA_EotYDHg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000007:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (14, 'standard-2026-06-01', 'standard-2026-06-01-000007', 'G0000007', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-06-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/pagEwHDpK30ftA_EotYDHg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000007","total_cents":232377,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/pagEwHDpK30ftA_EotYDHg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000007:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (16, 'standard-2026-06-01', 'standard-2026-06-01-000008', 'G0000008', 'standard', 'email', 'past_due', 2, 'suppressed', 'no_email', NULL, '2026-06-01 13:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $361.58 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/SEQ1sYszbFdHW13bNgsqxg\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe8","postal_line1":"8 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000008","total_cents":36158,"due_date":"2026-06-22","level":2,"encounter_count":4,"pay_link":"https://pay.example.org/q/SEQ1sYszbFdHW13bNgsqxg","lines":[{"service_date":"2026-04-11","patient_id":"P0000008a","balance_cents":6681},{"service_date":"2025-09-29","patient_id":"P0000008a","balance_cents":5993},{"service_date":"2025-11-27","patient_id":"P0000008a","balance_cents":11807},{"service_date":"2025-08-26","patient_id":"P0000008b","balance_cents":11677}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000008:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (18, 'standard-2026-06-01', 'standard-2026-06-01-000009', 'G0000009', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $462.10.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/cNdqd4m5Ll2VOgsY_JyGRQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000009","total_cents":46210,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/cNdqd4m5Ll2VOgsY_JyGRQ","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000009:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (19, 'standard-2026-06-01', 'standard-2026-06-01-000009', 'G0000009', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/cNdqd4m5Ll2VOgsY_JyGRQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000009","total_cents":46210,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/cNdqd4m5Ll2VOgsY_JyGRQ","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000009:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (21, 'standard-2026-06-01', 'standard-2026-06-01-000010', 'G0000010', 'standard', 'email', 'reminder', 1, 'suppressed', 'no_email', NULL, '2026-06-01 11:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $313.54 is due by 2026-06-22.\nPay online: https://pay.example.org/q/91sAfPuXWAjF7sxOVoLRAw\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe10","postal_line1":"10 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000010","total_cents":31354,"due_date":"2026-06-22","level":1,"encounter_count":3,"pay_link":"https://pay.example.org/q/91sAfPuXWAjF7sxOVoLRAw","lines":[{"service_date":"2025-11-20","patient_id":"P0000010b","balance_cents":4299},{"service_date":"2025-12-25","patient_id":"P0000010a","balance_cents":4523},{"service_date":"2025-12-21","patient_id":"P0000010a","balance_cents":22532}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000010:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (22, 'standard-2026-06-01', 'standard-2026-06-01-000011', 'G0000011', 'standard', 'email', 'past_due', 2, 'suppressed', 'no_email', NULL, '2026-06-01 13:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $864.99 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/gNs3f_3UUgyJifoDpciJVw\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe11","postal_line1":"11 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000011","total_cents":86499,"due_date":"2026-06-22","level":2,"encounter_count":5,"pay_link":"https://pay.example.org/q/gNs3f_3UUgyJifoDpciJVw","lines":[{"service_date":"2026-03-17","patient_id":"P0000011a","balance_cents":2864},{"service_date":"2025-12-25","patient_id":"P0000011a","balance_cents":28927},{"service_date":"2026-01-07","patient_id":"P0000011b","balance_cents":16128},{"service_date":"2026-01-22","patient_id":"P0000011b","balance_cents":31661},{"service_date":"2026-02-07","patient_id":"P0000011b","balance_cents":6919}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000011:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (24, 'standard-2026-06-01', 'standard-2026-06-01-000012', 'G0000012', 'standard', 'email', 'past_due', 2, 'suppressed', 'no_email', NULL, '2026-06-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $79.05 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/jfkQSdpBKbar3snM5DxJHw\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe12","postal_line1":"12 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000012","total_cents":7905,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/jfkQSdpBKbar3snM5DxJHw","lines":[{"service_date":"2025-09-11","patient_id":"P0000012a","balance_cents":5502},{"service_date":"2026-05-01","patient_id":"P0000012b","balance_cents":2403}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000012:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (27, 'standard-2026-06-01', 'standard-2026-06-01-000013', 'G0000013', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/85yf5k9y6HcE3tcmf5rj8w"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000013","total_cents":45229,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/85yf5k9y6HcE3tcmf5rj8w","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000013:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (28, 'standard-2026-06-01', 'standard-2026-06-01-000013', 'G0000013', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '13 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $452.29.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000013","total_cents":45229,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/85yf5k9y6HcE3tcmf5rj8w","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000013:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (34, 'standard-2026-06-01', 'standard-2026-06-01-000015', 'G0000015', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '15 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $1,709.30.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000015","total_cents":170930,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/PWMnGGp_S8yaItxcOS7ukQ","lines":[{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000015:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (37, 'standard-2026-06-01', 'standard-2026-06-01-000016', 'G0000016', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '16 Main St, Springfield IL 62701', '2026-06-01 06:00:00+00', '{"body":"This is our final notice about your balance of $360.05.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000016","total_cents":36005,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/5C6vsAB43f6dd_DzMjYnig","lines":[{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000016:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (39, 'standard-2026-06-01', 'standard-2026-06-01-000017', 'G0000017', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-06-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/gJ7q_MIqwgO5WH-3m7fJjQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000017","total_cents":46139,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/gJ7q_MIqwgO5WH-3m7fJjQ","lines":[{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000017:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (40, 'standard-2026-06-01', 'standard-2026-06-01-000017', 'G0000017', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '17 Main St, Springfield IL 62701', '2026-06-01 06:00:00+00', '{"body":"This is our final notice about your balance of $461.39.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000017","total_cents":46139,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/gJ7q_MIqwgO5WH-3m7fJjQ","lines":[{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000017:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (44, 'standard-2026-06-01', 'standard-2026-06-01-000019', 'G0000019', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '19 Main St, Springfield IL 62701', '2026-06-01 07:00:00+00', '{"body":"This is our final notice about your balance of $1,006.01.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000019","total_cents":100601,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/e_wIcx0Xg-sdfbMALoWZiA","lines":[{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000019:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (45, 'standard-2026-06-01', 'standard-2026-06-01-000020', 'G0000020', 'standard', 'email', 'past_due', 2, 'suppressed', 'no_email', NULL, '2026-06-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $1,368.51 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/bu7cD7wOsNgPwuP4u8ws8Q\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe20","postal_line1":"20 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000020","total_cents":136851,"due_date":"2026-06-22","level":2,"encounter_count":4,"pay_link":"https://pay.example.org/q/bu7cD7wOsNgPwuP4u8ws8Q","lines":[{"service_date":"2025-12-13","patient_id":"P0000020a","balance_cents":103407},{"service_date":"2026-01-12","patient_id":"P0000020a","balance_cents":6444},{"service_date":"2025-09-17","patient_id":"P0000020a","balance_cents":14532},{"service_date":"2026-03-19","patient_id":"P0000020a","balance_cents":12468}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000020:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (55, 'standard-2026-06-01', 'standard-2026-06-01-000023', 'G0000023', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '23 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $940.47.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000023","total_cents":94047,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/1U6EC9gYmMrclD0jYNgxew","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000023:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (60, 'standard-2026-06-01', 'standard-2026-06-01-000025', 'G0000025', 'standard', 'text', 'past_due', 2, 'suppressed', 'no_mobile', NULL, '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/n6qCMX4HUFYjvcyMsI3G2g Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe25","postal_line1":"25 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000025","total_cents":76930,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/n6qCMX4HUFYjvcyMsI3G2g","lines":[{"service_date":"2026-02-20","patient_id":"P0000025b","balance_cents":73608},{"service_date":"2026-01-26","patient_id":"P0000025b","balance_cents":3322}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000025:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (64, 'standard-2026-06-01', 'standard-2026-06-01-000027', 'G0000027', 'standard', 'email', 'past_due', 2, 'suppressed', 'no_email', NULL, '2026-06-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $1,326.77 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/WWjojpOE37DFcNxBALgUuQ\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe27","postal_line1":"27 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000027","total_cents":132677,"due_date":"2026-06-22","level":2,"encounter_count":5,"pay_link":"https://pay.example.org/q/WWjojpOE37DFcNxBALgUuQ","lines":[{"service_date":"2026-05-01","patient_id":"P0000027a","balance_cents":13453},{"service_date":"2025-10-13","patient_id":"P0000027a","balance_cents":4149},{"service_date":"2026-04-10","patient_id":"P0000027a","balance_cents":7859},{"service_date":"2025-08-20","patient_id":"P0000027b","balance_cents":91396},{"service_date":"2026-02-20","patient_id":"P0000027a","balance_cents":15820}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000027:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (68, 'standard-2026-06-01', 'standard-2026-06-01-000028', 'G0000028', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '28 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $225.70.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000028","total_cents":22570,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/AFtP7cHk3IBs83Hsa1kySA","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000028:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.815518+00');
INSERT INTO __schema__.notifications VALUES (1, 'standard-2026-06-01', 'standard-2026-06-01-000001', 'G0000001', 'standard', 'email', 'reminder', 1, 'superseded', NULL, 'pat1@example.org', '2026-06-01 11:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $731.65 is due by 2026-06-22.\nPay online: https://pay.example.org/q/CkC1AEHEwT3qREaCJY2FvQ\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe1","postal_line1":"1 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000001","total_cents":73165,"due_date":"2026-06-22","level":1,"encounter_count":3,"pay_link":"https://pay.example.org/q/CkC1AEHEwT3qREaCJY2FvQ","lines":[{"service_date":"2025-10-02","patient_id":"P0000001a","balance_cents":39018},{"service_date":"2026-01-18","patient_id":"P0000001a","balance_cents":15856},{"service_date":"2026-04-19","patient_id":"P0000001a","balance_cents":18291}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000001:email', 0, '2026-06-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (2, 'standard-2026-06-01', 'standard-2026-06-01-000002', 'G0000002', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat2@example.org', '2026-06-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,469.20.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/rpxQH2hQUeZGapZFVzo3Ew\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000002","total_cents":146920,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/rpxQH2hQUeZGapZFVzo3Ew","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000002:email', 0, '2026-06-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (10, 'standard-2026-06-01', 'standard-2026-06-01-000006', 'G0000006', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat6@example.org', '2026-06-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,736.76.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/EFQ0-6J7ayplpe_jErjr5w\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000006","total_cents":173676,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/EFQ0-6J7ayplpe_jErjr5w","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000006:email', 0, '2026-06-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (29, 'standard-2026-06-01', 'standard-2026-06-01-000014', 'G0000014', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat14@example.org', '2026-06-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,137.93.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/brXC48cwWPEb__JZXMRtIg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000014","total_cents":113793,"due_date":"2026-06-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/brXC48cwWPEb__JZXMRtIg","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000014:email', 0, '2026-06-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (50, 'standard-2026-06-01', 'standard-2026-06-01-000022', 'G0000022', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat22@example.org', '2026-06-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $3,586.10.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/eT_nIgj79VKAkbyhpkZTzg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000022","total_cents":358610,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/eT_nIgj79VKAkbyhpkZTzg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000022:email', 0, '2026-06-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (7, 'standard-2026-06-01', 'standard-2026-06-01-000004', 'G0000004', 'standard', 'email', 'past_due', 2, 'superseded', NULL, 'pat4@example.org', '2026-06-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $97.80 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/xx2cr9QSnPq_pxKPzreiNw\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe4","postal_line1":"4 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000004","total_cents":9780,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/xx2cr9QSnPq_pxKPzreiNw","lines":[{"service_date":"2025-11-30","patient_id":"P0000004b","balance_cents":2449},{"service_date":"2025-10-21","patient_id":"P0000004b","balance_cents":7331}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000004:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (9, 'standard-2026-06-01', 'standard-2026-06-01-000005', 'G0000005', 'standard', 'email', 'reminder', 1, 'superseded', NULL, 'pat5@example.org', '2026-06-01 12:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $150.40 is due by 2026-06-22.\nPay online: https://pay.example.org/q/S3W8BE43LEXT_RPS45d3OA\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe5","postal_line1":"5 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000005","total_cents":15040,"due_date":"2026-06-22","level":1,"encounter_count":2,"pay_link":"https://pay.example.org/q/S3W8BE43LEXT_RPS45d3OA","lines":[{"service_date":"2026-02-24","patient_id":"P0000005a","balance_cents":10236},{"service_date":"2026-02-25","patient_id":"P0000005b","balance_cents":4804}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000005:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (26, 'standard-2026-06-01', 'standard-2026-06-01-000013', 'G0000013', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat13@example.org', '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $452.29.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/85yf5k9y6HcE3tcmf5rj8w\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000013","total_cents":45229,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/85yf5k9y6HcE3tcmf5rj8w","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000013:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (32, 'standard-2026-06-01', 'standard-2026-06-01-000015', 'G0000015', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat15@example.org', '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,709.30.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/PWMnGGp_S8yaItxcOS7ukQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000015","total_cents":170930,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/PWMnGGp_S8yaItxcOS7ukQ","lines":[{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000015:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (41, 'standard-2026-06-01', 'standard-2026-06-01-000018', 'G0000018', 'standard', 'email', 'reminder', 1, 'superseded', NULL, 'pat18@example.org', '2026-06-01 12:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $27.41 is due by 2026-06-22.\nPay online: https://pay.example.org/q/Ws0XAWLaDQOh9Ex0LUeI8g\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe18","postal_line1":"18 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000018","total_cents":2741,"due_date":"2026-06-22","level":1,"encounter_count":1,"pay_link":"https://pay.example.org/q/Ws0XAWLaDQOh9Ex0LUeI8g","lines":[{"service_date":"2026-03-29","patient_id":"P0000018b","balance_cents":2741}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000018:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (53, 'standard-2026-06-01', 'standard-2026-06-01-000023', 'G0000023', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat23@example.org', '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $940.47.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/1U6EC9gYmMrclD0jYNgxew\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000023","total_cents":94047,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/1U6EC9gYmMrclD0jYNgxew","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000023:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (59, 'standard-2026-06-01', 'standard-2026-06-01-000025', 'G0000025', 'standard', 'email', 'past_due', 2, 'superseded', NULL, 'pat25@example.org', '2026-06-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $769.30 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/n6qCMX4HUFYjvcyMsI3G2g\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe25","postal_line1":"25 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000025","total_cents":76930,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/n6qCMX4HUFYjvcyMsI3G2g","lines":[{"service_date":"2026-02-20","patient_id":"P0000025b","balance_cents":73608},{"service_date":"2026-01-26","patient_id":"P0000025b","balance_cents":3322}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000025:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (61, 'standard-2026-06-01', 'standard-2026-06-01-000026', 'G0000026', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat26@example.org', '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $118.44.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/7IDGfRL37fK-CuoqV4XDjQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe26","postal_line1":"26 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000026","total_cents":11844,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/7IDGfRL37fK-CuoqV4XDjQ","lines":[{"service_date":"2025-09-23","patient_id":"P0000026b","balance_cents":2640},{"service_date":"2025-11-03","patient_id":"P0000026b","balance_cents":4889},{"service_date":"2026-01-15","patient_id":"P0000026b","balance_cents":4315}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000026:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (66, 'standard-2026-06-01', 'standard-2026-06-01-000028', 'G0000028', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat28@example.org', '2026-06-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $225.70.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/AFtP7cHk3IBs83Hsa1kySA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000028","total_cents":22570,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/AFtP7cHk3IBs83Hsa1kySA","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000028:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (69, 'standard-2026-06-01', 'standard-2026-06-01-000029', 'G0000029', 'standard', 'email', 'reminder', 1, 'superseded', NULL, 'pat29@example.org', '2026-06-01 12:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $484.62 is due by 2026-06-22.\nPay online: https://pay.example.org/q/y-Y9OQA2dV_M7BE_BrE7Xg\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe29","postal_line1":"29 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000029","total_cents":48462,"due_date":"2026-06-22","level":1,"encounter_count":1,"pay_link":"https://pay.example.org/q/y-Y9OQA2dV_M7BE_BrE7Xg","lines":[{"service_date":"2025-12-06","patient_id":"P0000029a","balance_cents":48462}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000029:email', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (35, 'standard-2026-06-01', 'standard-2026-06-01-000016', 'G0000016', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat16@example.org', '2026-06-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $360.05.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/5C6vsAB43f6dd_DzMjYnig\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000016","total_cents":36005,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/5C6vsAB43f6dd_DzMjYnig","lines":[{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000016:email', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (49, 'standard-2026-06-01', 'standard-2026-06-01-000021', 'G0000021', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '21 Main St, Springfield IL 62701', '2026-06-01 06:00:00+00', '{"body":"This is our final notice about your balance of $463.58.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000021","total_cents":46358,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/hbMcohF_YCJuCHnQHtp8Vg","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000021:print', 0, '2026-06-01 06:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (38, 'standard-2026-06-01', 'standard-2026-06-01-000017', 'G0000017', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat17@example.org', '2026-06-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $461.39.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/gJ7q_MIqwgO5WH-3m7fJjQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000017","total_cents":46139,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/gJ7q_MIqwgO5WH-3m7fJjQ","lines":[{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000017:email', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (47, 'standard-2026-06-01', 'standard-2026-06-01-000021', 'G0000021', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat21@example.org', '2026-06-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $463.58.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/hbMcohF_YCJuCHnQHtp8Vg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000021","total_cents":46358,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/hbMcohF_YCJuCHnQHtp8Vg","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000021:email', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (5, 'standard-2026-06-01', 'standard-2026-06-01-000003', 'G0000003', 'standard', 'email', 'past_due', 2, 'superseded', NULL, 'pat3@example.org', '2026-06-01 14:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $92.00 is past due.\nPlease pay by 2026-06-22: https://pay.example.org/q/XG_CCXUzTNlP8yA8FEFfaQ\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe3","postal_line1":"3 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000003","total_cents":9200,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/XG_CCXUzTNlP8yA8FEFfaQ","lines":[{"service_date":"2026-02-16","patient_id":"P0000003a","balance_cents":2479},{"service_date":"2025-10-30","patient_id":"P0000003b","balance_cents":6721}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000003:email', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (42, 'standard-2026-06-01', 'standard-2026-06-01-000019', 'G0000019', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat19@example.org', '2026-06-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,006.01.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/e_wIcx0Xg-sdfbMALoWZiA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000019","total_cents":100601,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/e_wIcx0Xg-sdfbMALoWZiA","lines":[{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000019:email', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (56, 'standard-2026-06-01', 'standard-2026-06-01-000024', 'G0000024', 'standard', 'email', 'final_notice', 3, 'superseded', NULL, 'pat24@example.org', '2026-06-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,289.95.\nPlease pay by 2026-06-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/-TIusHjFxuv96eQIHYeZrQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000024","total_cents":128995,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-TIusHjFxuv96eQIHYeZrQ","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000024:email', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (4, 'standard-2026-06-01', 'standard-2026-06-01-000002', 'G0000002', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '2 Main St, Springfield IL 62701', '2026-06-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,469.20.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000002","total_cents":146920,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/rpxQH2hQUeZGapZFVzo3Ew","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000002:print', 0, '2026-06-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (12, 'standard-2026-06-01', 'standard-2026-06-01-000006', 'G0000006', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '6 Main St, Springfield IL 62701', '2026-06-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,736.76.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000006","total_cents":173676,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/EFQ0-6J7ayplpe_jErjr5w","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000006:print', 0, '2026-06-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (31, 'standard-2026-06-01', 'standard-2026-06-01-000014', 'G0000014', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '14 Main St, Springfield IL 62701', '2026-06-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,137.93.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000014","total_cents":113793,"due_date":"2026-06-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/brXC48cwWPEb__JZXMRtIg","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000014:print', 0, '2026-06-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (52, 'standard-2026-06-01', 'standard-2026-06-01-000022', 'G0000022', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '22 Main St, Springfield IL 62701', '2026-06-01 04:00:00+00', '{"body":"This is our final notice about your balance of $3,586.10.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000022","total_cents":358610,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/eT_nIgj79VKAkbyhpkZTzg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000022:print', 0, '2026-06-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (20, 'standard-2026-06-01', 'standard-2026-06-01-000009', 'G0000009', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '9 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $462.10.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000009","total_cents":46210,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/cNdqd4m5Ll2VOgsY_JyGRQ","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000009:print', 0, '2026-06-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (63, 'standard-2026-06-01', 'standard-2026-06-01-000026', 'G0000026', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '26 Main St, Springfield IL 62701', '2026-06-01 05:00:00+00', '{"body":"This is our final notice about your balance of $118.44.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe26","postal_line1":"26 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000026","total_cents":11844,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/7IDGfRL37fK-CuoqV4XDjQ","lines":[{"service_date":"2025-09-23","patient_id":"P0000026b","balance_cents":2640},{"service_date":"2025-11-03","patient_id":"P0000026b","balance_cents":4889},{"service_date":"2026-01-15","patient_id":"P0000026b","balance_cents":4315}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000026:print', 0, '2026-06-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (15, 'standard-2026-06-01', 'standard-2026-06-01-000007', 'G0000007', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '7 Main St, Springfield IL 62701', '2026-06-01 07:00:00+00', '{"body":"This is our final notice about your balance of $2,323.77.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000007","total_cents":232377,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/pagEwHDpK30ftA_EotYDHg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000007:print', 0, '2026-06-01 07:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (58, 'standard-2026-06-01', 'standard-2026-06-01-000024', 'G0000024', 'standard', 'print', 'final_notice', 3, 'superseded', NULL, '24 Main St, Springfield IL 62701', '2026-06-01 07:00:00+00', '{"body":"This is our final notice about your balance of $1,289.95.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000024","total_cents":128995,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-TIusHjFxuv96eQIHYeZrQ","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000024:print', 0, '2026-06-01 07:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (3, 'standard-2026-06-01', 'standard-2026-06-01-000002', 'G0000002', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000002', '2026-06-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/rpxQH2hQUeZGapZFVzo3Ew"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000002","total_cents":146920,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/rpxQH2hQUeZGapZFVzo3Ew","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000002:text', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (11, 'standard-2026-06-01', 'standard-2026-06-01-000006', 'G0000006', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000006', '2026-06-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/EFQ0-6J7ayplpe_jErjr5w"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000006","total_cents":173676,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/EFQ0-6J7ayplpe_jErjr5w","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000006:text', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (30, 'standard-2026-06-01', 'standard-2026-06-01-000014', 'G0000014', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000014', '2026-06-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/brXC48cwWPEb__JZXMRtIg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000014","total_cents":113793,"due_date":"2026-06-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/brXC48cwWPEb__JZXMRtIg","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000014:text', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (120, 'standard-2026-07-01', 'standard-2026-07-01-000018', 'G0000018', 'standard', 'text', 'past_due', 2, 'scheduled', NULL, '+15550000018', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/cX2dyHID9ml0Lp_-gXnMgA Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe18","postal_line1":"18 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000018","total_cents":2741,"due_date":"2026-07-22","level":2,"encounter_count":1,"pay_link":"https://pay.example.org/q/cX2dyHID9ml0Lp_-gXnMgA","lines":[{"service_date":"2026-03-29","patient_id":"P0000018b","balance_cents":2741}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000018:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (51, 'standard-2026-06-01', 'standard-2026-06-01-000022', 'G0000022', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000022', '2026-06-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/eT_nIgj79VKAkbyhpkZTzg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000022","total_cents":358610,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/eT_nIgj79VKAkbyhpkZTzg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000022:text', 0, '2026-06-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (8, 'standard-2026-06-01', 'standard-2026-06-01-000004', 'G0000004', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000004', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/xx2cr9QSnPq_pxKPzreiNw Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe4","postal_line1":"4 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000004","total_cents":9780,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/xx2cr9QSnPq_pxKPzreiNw","lines":[{"service_date":"2025-11-30","patient_id":"P0000004b","balance_cents":2449},{"service_date":"2025-10-21","patient_id":"P0000004b","balance_cents":7331}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000004:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (25, 'standard-2026-06-01', 'standard-2026-06-01-000012', 'G0000012', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000012', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/jfkQSdpBKbar3snM5DxJHw Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe12","postal_line1":"12 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000012","total_cents":7905,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/jfkQSdpBKbar3snM5DxJHw","lines":[{"service_date":"2025-09-11","patient_id":"P0000012a","balance_cents":5502},{"service_date":"2026-05-01","patient_id":"P0000012b","balance_cents":2403}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000012:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (33, 'standard-2026-06-01', 'standard-2026-06-01-000015', 'G0000015', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000015', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/PWMnGGp_S8yaItxcOS7ukQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000015","total_cents":170930,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/PWMnGGp_S8yaItxcOS7ukQ","lines":[{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000015:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (46, 'standard-2026-06-01', 'standard-2026-06-01-000020', 'G0000020', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000020', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/bu7cD7wOsNgPwuP4u8ws8Q Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe20","postal_line1":"20 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000020","total_cents":136851,"due_date":"2026-06-22","level":2,"encounter_count":4,"pay_link":"https://pay.example.org/q/bu7cD7wOsNgPwuP4u8ws8Q","lines":[{"service_date":"2025-12-13","patient_id":"P0000020a","balance_cents":103407},{"service_date":"2026-01-12","patient_id":"P0000020a","balance_cents":6444},{"service_date":"2025-09-17","patient_id":"P0000020a","balance_cents":14532},{"service_date":"2026-03-19","patient_id":"P0000020a","balance_cents":12468}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000020:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (54, 'standard-2026-06-01', 'standard-2026-06-01-000023', 'G0000023', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000023', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/1U6EC9gYmMrclD0jYNgxew"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000023","total_cents":94047,"due_date":"2026-06-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/1U6EC9gYmMrclD0jYNgxew","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000023:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (62, 'standard-2026-06-01', 'standard-2026-06-01-000026', 'G0000026', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000026', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/7IDGfRL37fK-CuoqV4XDjQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe26","postal_line1":"26 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000026","total_cents":11844,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/7IDGfRL37fK-CuoqV4XDjQ","lines":[{"service_date":"2025-09-23","patient_id":"P0000026b","balance_cents":2640},{"service_date":"2025-11-03","patient_id":"P0000026b","balance_cents":4889},{"service_date":"2026-01-15","patient_id":"P0000026b","balance_cents":4315}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000026:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (65, 'standard-2026-06-01', 'standard-2026-06-01-000027', 'G0000027', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000027', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/WWjojpOE37DFcNxBALgUuQ Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe27","postal_line1":"27 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000027","total_cents":132677,"due_date":"2026-06-22","level":2,"encounter_count":5,"pay_link":"https://pay.example.org/q/WWjojpOE37DFcNxBALgUuQ","lines":[{"service_date":"2026-05-01","patient_id":"P0000027a","balance_cents":13453},{"service_date":"2025-10-13","patient_id":"P0000027a","balance_cents":4149},{"service_date":"2026-04-10","patient_id":"P0000027a","balance_cents":7859},{"service_date":"2025-08-20","patient_id":"P0000027b","balance_cents":91396},{"service_date":"2026-02-20","patient_id":"P0000027a","balance_cents":15820}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000027:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (67, 'standard-2026-06-01', 'standard-2026-06-01-000028', 'G0000028', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000028', '2026-06-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/AFtP7cHk3IBs83Hsa1kySA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000028","total_cents":22570,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/AFtP7cHk3IBs83Hsa1kySA","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000028:text', 0, '2026-06-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (17, 'standard-2026-06-01', 'standard-2026-06-01-000008', 'G0000008', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000008', '2026-06-01 14:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/SEQ1sYszbFdHW13bNgsqxg Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe8","postal_line1":"8 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000008","total_cents":36158,"due_date":"2026-06-22","level":2,"encounter_count":4,"pay_link":"https://pay.example.org/q/SEQ1sYszbFdHW13bNgsqxg","lines":[{"service_date":"2026-04-11","patient_id":"P0000008a","balance_cents":6681},{"service_date":"2025-09-29","patient_id":"P0000008a","balance_cents":5993},{"service_date":"2025-11-27","patient_id":"P0000008a","balance_cents":11807},{"service_date":"2025-08-26","patient_id":"P0000008b","balance_cents":11677}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000008:text', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (23, 'standard-2026-06-01', 'standard-2026-06-01-000011', 'G0000011', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000011', '2026-06-01 14:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/gNs3f_3UUgyJifoDpciJVw Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe11","postal_line1":"11 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000011","total_cents":86499,"due_date":"2026-06-22","level":2,"encounter_count":5,"pay_link":"https://pay.example.org/q/gNs3f_3UUgyJifoDpciJVw","lines":[{"service_date":"2026-03-17","patient_id":"P0000011a","balance_cents":2864},{"service_date":"2025-12-25","patient_id":"P0000011a","balance_cents":28927},{"service_date":"2026-01-07","patient_id":"P0000011b","balance_cents":16128},{"service_date":"2026-01-22","patient_id":"P0000011b","balance_cents":31661},{"service_date":"2026-02-07","patient_id":"P0000011b","balance_cents":6919}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000011:text', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (36, 'standard-2026-06-01', 'standard-2026-06-01-000016', 'G0000016', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000016', '2026-06-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/5C6vsAB43f6dd_DzMjYnig"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000016","total_cents":36005,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/5C6vsAB43f6dd_DzMjYnig","lines":[{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000016:text', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (48, 'standard-2026-06-01', 'standard-2026-06-01-000021', 'G0000021', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000021', '2026-06-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/hbMcohF_YCJuCHnQHtp8Vg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000021","total_cents":46358,"due_date":"2026-06-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/hbMcohF_YCJuCHnQHtp8Vg","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000021:text', 0, '2026-06-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (6, 'standard-2026-06-01', 'standard-2026-06-01-000003', 'G0000003', 'standard', 'text', 'past_due', 2, 'superseded', NULL, '+15550000003', '2026-06-01 15:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/XG_CCXUzTNlP8yA8FEFfaQ Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe3","postal_line1":"3 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000003","total_cents":9200,"due_date":"2026-06-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/XG_CCXUzTNlP8yA8FEFfaQ","lines":[{"service_date":"2026-02-16","patient_id":"P0000003a","balance_cents":2479},{"service_date":"2025-10-30","patient_id":"P0000003b","balance_cents":6721}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000003:text', 0, '2026-06-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (43, 'standard-2026-06-01', 'standard-2026-06-01-000019', 'G0000019', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000019', '2026-06-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/e_wIcx0Xg-sdfbMALoWZiA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000019","total_cents":100601,"due_date":"2026-06-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/e_wIcx0Xg-sdfbMALoWZiA","lines":[{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000019:text', 0, '2026-06-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (57, 'standard-2026-06-01', 'standard-2026-06-01-000024', 'G0000024', 'standard', 'text', 'final_notice', 3, 'superseded', NULL, '+15550000024', '2026-06-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/-TIusHjFxuv96eQIHYeZrQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-06-01-000024","total_cents":128995,"due_date":"2026-06-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-TIusHjFxuv96eQIHYeZrQ","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-06-01-000024:text', 0, '2026-06-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, 'standard-2026-07-01', '2026-12-06 20:46:02.815518+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (70, 'standard-2026-07-01', 'standard-2026-07-01-000001', 'G0000001', 'standard', 'email', 'past_due', 2, 'scheduled', NULL, 'pat1@example.org', '2026-07-01 11:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $731.65 is past due.\nPlease pay by 2026-07-22: https://pay.example.org/q/2aXMjVy8LCJ_CrHqZ1ZRQg\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe1","postal_line1":"1 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000001","total_cents":73165,"due_date":"2026-07-22","level":2,"encounter_count":3,"pay_link":"https://pay.example.org/q/2aXMjVy8LCJ_CrHqZ1ZRQg","lines":[{"service_date":"2025-10-02","patient_id":"P0000001a","balance_cents":39018},{"service_date":"2026-01-18","patient_id":"P0000001a","balance_cents":15856},{"service_date":"2026-04-19","patient_id":"P0000001a","balance_cents":18291}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000001:email', 0, '2026-07-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (71, 'standard-2026-07-01', 'standard-2026-07-01-000001', 'G0000001', 'standard', 'text', 'past_due', 2, 'scheduled', NULL, '+15550000001', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/2aXMjVy8LCJ_CrHqZ1ZRQg Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe1","postal_line1":"1 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000001","total_cents":73165,"due_date":"2026-07-22","level":2,"encounter_count":3,"pay_link":"https://pay.example.org/q/2aXMjVy8LCJ_CrHqZ1ZRQg","lines":[{"service_date":"2025-10-02","patient_id":"P0000001a","balance_cents":39018},{"service_date":"2026-01-18","patient_id":"P0000001a","balance_cents":15856},{"service_date":"2026-04-19","patient_id":"P0000001a","balance_cents":18291}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000001:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (72, 'standard-2026-07-01', 'standard-2026-07-01-000002', 'G0000002', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat2@example.org', '2026-07-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,469.20.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/Zf-H9qr7xqdRWDgrFeDdQw\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000002","total_cents":146920,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/Zf-H9qr7xqdRWDgrFeDdQw","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000002:email', 0, '2026-07-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (73, 'standard-2026-07-01', 'standard-2026-07-01-000002', 'G0000002', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000002', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/Zf-H9qr7xqdRWDgrFeDdQw"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000002","total_cents":146920,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/Zf-H9qr7xqdRWDgrFeDdQw","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000002:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (74, 'standard-2026-07-01', 'standard-2026-07-01-000002', 'G0000002', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '2 Main St, Springfield IL 62701', '2026-07-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,469.20.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe2","postal_line1":"2 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000002","total_cents":146920,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/Zf-H9qr7xqdRWDgrFeDdQw","lines":[{"service_date":"2025-11-03","patient_id":"P0000002a","balance_cents":2073},{"service_date":"2025-08-13","patient_id":"P0000002b","balance_cents":19809},{"service_date":"2026-01-08","patient_id":"P0000002a","balance_cents":51118},{"service_date":"2026-02-24","patient_id":"P0000002b","balance_cents":3778},{"service_date":"2026-04-07","patient_id":"P0000002b","balance_cents":36127},{"service_date":"2025-11-16","patient_id":"P0000002b","balance_cents":34015}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000002:print', 0, '2026-07-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (75, 'standard-2026-07-01', 'standard-2026-07-01-000003', 'G0000003', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat3@example.org', '2026-07-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $92.00.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/P0HIHgpjztaIqKDoK9sV3Q\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe3","postal_line1":"3 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000003","total_cents":9200,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/P0HIHgpjztaIqKDoK9sV3Q","lines":[{"service_date":"2026-02-16","patient_id":"P0000003a","balance_cents":2479},{"service_date":"2025-10-30","patient_id":"P0000003b","balance_cents":6721}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000003:email', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (76, 'standard-2026-07-01', 'standard-2026-07-01-000003', 'G0000003', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000003', '2026-07-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/P0HIHgpjztaIqKDoK9sV3Q"}', '{"recipient":{"first_name":"Pat","last_name":"Doe3","postal_line1":"3 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000003","total_cents":9200,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/P0HIHgpjztaIqKDoK9sV3Q","lines":[{"service_date":"2026-02-16","patient_id":"P0000003a","balance_cents":2479},{"service_date":"2025-10-30","patient_id":"P0000003b","balance_cents":6721}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000003:text', 0, '2026-07-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (77, 'standard-2026-07-01', 'standard-2026-07-01-000003', 'G0000003', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '3 Main St, Springfield IL 62701', '2026-07-01 07:00:00+00', '{"body":"This is our final notice about your balance of $92.00.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe3","postal_line1":"3 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000003","total_cents":9200,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/P0HIHgpjztaIqKDoK9sV3Q","lines":[{"service_date":"2026-02-16","patient_id":"P0000003a","balance_cents":2479},{"service_date":"2025-10-30","patient_id":"P0000003b","balance_cents":6721}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000003:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (78, 'standard-2026-07-01', 'standard-2026-07-01-000004', 'G0000004', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat4@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $97.80.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/23_gUEO4S4kXtR-lrWJLeg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe4","postal_line1":"4 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000004","total_cents":9780,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/23_gUEO4S4kXtR-lrWJLeg","lines":[{"service_date":"2025-11-30","patient_id":"P0000004b","balance_cents":2449},{"service_date":"2025-10-21","patient_id":"P0000004b","balance_cents":7331}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000004:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (79, 'standard-2026-07-01', 'standard-2026-07-01-000004', 'G0000004', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000004', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/23_gUEO4S4kXtR-lrWJLeg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe4","postal_line1":"4 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000004","total_cents":9780,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/23_gUEO4S4kXtR-lrWJLeg","lines":[{"service_date":"2025-11-30","patient_id":"P0000004b","balance_cents":2449},{"service_date":"2025-10-21","patient_id":"P0000004b","balance_cents":7331}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000004:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (80, 'standard-2026-07-01', 'standard-2026-07-01-000004', 'G0000004', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '4 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $97.80.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe4","postal_line1":"4 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000004","total_cents":9780,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/23_gUEO4S4kXtR-lrWJLeg","lines":[{"service_date":"2025-11-30","patient_id":"P0000004b","balance_cents":2449},{"service_date":"2025-10-21","patient_id":"P0000004b","balance_cents":7331}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000004:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (81, 'standard-2026-07-01', 'standard-2026-07-01-000005', 'G0000005', 'standard', 'email', 'past_due', 2, 'scheduled', NULL, 'pat5@example.org', '2026-07-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $150.40 is past due.\nPlease pay by 2026-07-22: https://pay.example.org/q/I_wTggKAQE7wxaUuRGcJug\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe5","postal_line1":"5 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000005","total_cents":15040,"due_date":"2026-07-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/I_wTggKAQE7wxaUuRGcJug","lines":[{"service_date":"2026-02-24","patient_id":"P0000005a","balance_cents":10236},{"service_date":"2026-02-25","patient_id":"P0000005b","balance_cents":4804}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000005:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (82, 'standard-2026-07-01', 'standard-2026-07-01-000005', 'G0000005', 'standard', 'text', 'past_due', 2, 'scheduled', NULL, '+15550000005', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/I_wTggKAQE7wxaUuRGcJug Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe5","postal_line1":"5 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000005","total_cents":15040,"due_date":"2026-07-22","level":2,"encounter_count":2,"pay_link":"https://pay.example.org/q/I_wTggKAQE7wxaUuRGcJug","lines":[{"service_date":"2026-02-24","patient_id":"P0000005a","balance_cents":10236},{"service_date":"2026-02-25","patient_id":"P0000005b","balance_cents":4804}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000005:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (83, 'standard-2026-07-01', 'standard-2026-07-01-000006', 'G0000006', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat6@example.org', '2026-07-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,736.76.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/-xvQzz9ly5Om9Gcf2gzbiQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000006","total_cents":173676,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-xvQzz9ly5Om9Gcf2gzbiQ","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000006:email', 0, '2026-07-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (84, 'standard-2026-07-01', 'standard-2026-07-01-000006', 'G0000006', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000006', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/-xvQzz9ly5Om9Gcf2gzbiQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000006","total_cents":173676,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-xvQzz9ly5Om9Gcf2gzbiQ","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000006:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (85, 'standard-2026-07-01', 'standard-2026-07-01-000006', 'G0000006', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '6 Main St, Springfield IL 62701', '2026-07-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,736.76.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe6","postal_line1":"6 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000006","total_cents":173676,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/-xvQzz9ly5Om9Gcf2gzbiQ","lines":[{"service_date":"2025-09-09","patient_id":"P0000006b","balance_cents":9251},{"service_date":"2025-08-15","patient_id":"P0000006a","balance_cents":5862},{"service_date":"2025-08-13","patient_id":"P0000006a","balance_cents":10416},{"service_date":"2026-01-30","patient_id":"P0000006a","balance_cents":148147}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000006:print', 0, '2026-07-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (86, 'standard-2026-07-01', 'standard-2026-07-01-000007', 'G0000007', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $2,323.77.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/t8z_MooW_6E2cnfhpVDODg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000007","total_cents":232377,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/t8z_MooW_6E2cnfhpVDODg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000007:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (87, 'standard-2026-07-01', 'standard-2026-07-01-000007', 'G0000007', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-07-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/t8z_MooW_6E2cnfhpVDODg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000007","total_cents":232377,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/t8z_MooW_6E2cnfhpVDODg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000007:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (88, 'standard-2026-07-01', 'standard-2026-07-01-000007', 'G0000007', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '7 Main St, Springfield IL 62701', '2026-07-01 07:00:00+00', '{"body":"This is our final notice about your balance of $2,323.77.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe7","postal_line1":"7 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000007","total_cents":232377,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/t8z_MooW_6E2cnfhpVDODg","lines":[{"service_date":"2025-11-07","patient_id":"P0000007b","balance_cents":120445},{"service_date":"2025-09-09","patient_id":"P0000007a","balance_cents":2847},{"service_date":"2026-01-30","patient_id":"P0000007b","balance_cents":29758},{"service_date":"2026-02-20","patient_id":"P0000007a","balance_cents":31700},{"service_date":"2025-11-14","patient_id":"P0000007b","balance_cents":24359},{"service_date":"2025-10-02","patient_id":"P0000007a","balance_cents":23268}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000007:print', 0, '2026-07-01 07:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (89, 'standard-2026-07-01', 'standard-2026-07-01-000008', 'G0000008', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $393.51.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/TeyGRXYqQBodkU39WVJeOA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe8","postal_line1":"8 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000008","total_cents":39351,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/TeyGRXYqQBodkU39WVJeOA","lines":[{"service_date":"2026-04-11","patient_id":"P0000008a","balance_cents":6681},{"service_date":"2025-09-29","patient_id":"P0000008a","balance_cents":5993},{"service_date":"2025-11-27","patient_id":"P0000008a","balance_cents":11807},{"service_date":"2025-09-28","patient_id":"P0000008a","balance_cents":3193},{"service_date":"2025-08-26","patient_id":"P0000008b","balance_cents":11677}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000008:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (90, 'standard-2026-07-01', 'standard-2026-07-01-000008', 'G0000008', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000008', '2026-07-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/TeyGRXYqQBodkU39WVJeOA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe8","postal_line1":"8 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000008","total_cents":39351,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/TeyGRXYqQBodkU39WVJeOA","lines":[{"service_date":"2026-04-11","patient_id":"P0000008a","balance_cents":6681},{"service_date":"2025-09-29","patient_id":"P0000008a","balance_cents":5993},{"service_date":"2025-11-27","patient_id":"P0000008a","balance_cents":11807},{"service_date":"2025-09-28","patient_id":"P0000008a","balance_cents":3193},{"service_date":"2025-08-26","patient_id":"P0000008b","balance_cents":11677}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000008:text', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (91, 'standard-2026-07-01', 'standard-2026-07-01-000008', 'G0000008', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '8 Main St, Springfield IL 62701', '2026-07-01 06:00:00+00', '{"body":"This is our final notice about your balance of $393.51.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe8","postal_line1":"8 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000008","total_cents":39351,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/TeyGRXYqQBodkU39WVJeOA","lines":[{"service_date":"2026-04-11","patient_id":"P0000008a","balance_cents":6681},{"service_date":"2025-09-29","patient_id":"P0000008a","balance_cents":5993},{"service_date":"2025-11-27","patient_id":"P0000008a","balance_cents":11807},{"service_date":"2025-09-28","patient_id":"P0000008a","balance_cents":3193},{"service_date":"2025-08-26","patient_id":"P0000008b","balance_cents":11677}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000008:print', 0, '2026-07-01 06:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (92, 'standard-2026-07-01', 'standard-2026-07-01-000009', 'G0000009', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $462.10.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/oOh4AbtlJghTSnkmc6cCmA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000009","total_cents":46210,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/oOh4AbtlJghTSnkmc6cCmA","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000009:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (93, 'standard-2026-07-01', 'standard-2026-07-01-000009', 'G0000009', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/oOh4AbtlJghTSnkmc6cCmA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000009","total_cents":46210,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/oOh4AbtlJghTSnkmc6cCmA","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000009:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (94, 'standard-2026-07-01', 'standard-2026-07-01-000009', 'G0000009', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '9 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $462.10.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe9","postal_line1":"9 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000009","total_cents":46210,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/oOh4AbtlJghTSnkmc6cCmA","lines":[{"service_date":"2025-10-05","patient_id":"P0000009a","balance_cents":10897},{"service_date":"2026-02-28","patient_id":"P0000009b","balance_cents":35313}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000009:print', 0, '2026-07-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (95, 'standard-2026-07-01', 'standard-2026-07-01-000010', 'G0000010', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $485.71.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/KC3FVgp-3zRH6Nwg6_kiHA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe10","postal_line1":"10 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000010","total_cents":48571,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/KC3FVgp-3zRH6Nwg6_kiHA","lines":[{"service_date":"2025-11-20","patient_id":"P0000010b","balance_cents":4299},{"service_date":"2025-10-28","patient_id":"P0000010a","balance_cents":17217},{"service_date":"2025-12-25","patient_id":"P0000010a","balance_cents":4523},{"service_date":"2025-12-21","patient_id":"P0000010a","balance_cents":22532}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000010:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (96, 'standard-2026-07-01', 'standard-2026-07-01-000010', 'G0000010', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000010', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/KC3FVgp-3zRH6Nwg6_kiHA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe10","postal_line1":"10 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000010","total_cents":48571,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/KC3FVgp-3zRH6Nwg6_kiHA","lines":[{"service_date":"2025-11-20","patient_id":"P0000010b","balance_cents":4299},{"service_date":"2025-10-28","patient_id":"P0000010a","balance_cents":17217},{"service_date":"2025-12-25","patient_id":"P0000010a","balance_cents":4523},{"service_date":"2025-12-21","patient_id":"P0000010a","balance_cents":22532}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000010:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (97, 'standard-2026-07-01', 'standard-2026-07-01-000010', 'G0000010', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '10 Main St, Springfield IL 62701', '2026-07-01 04:00:00+00', '{"body":"This is our final notice about your balance of $485.71.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe10","postal_line1":"10 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000010","total_cents":48571,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/KC3FVgp-3zRH6Nwg6_kiHA","lines":[{"service_date":"2025-11-20","patient_id":"P0000010b","balance_cents":4299},{"service_date":"2025-10-28","patient_id":"P0000010a","balance_cents":17217},{"service_date":"2025-12-25","patient_id":"P0000010a","balance_cents":4523},{"service_date":"2025-12-21","patient_id":"P0000010a","balance_cents":22532}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000010:print', 0, '2026-07-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (98, 'standard-2026-07-01', 'standard-2026-07-01-000011', 'G0000011', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $2,003.12.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/His3m96sxLSb9CjqRZMLyg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe11","postal_line1":"11 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000011","total_cents":200312,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/His3m96sxLSb9CjqRZMLyg","lines":[{"service_date":"2025-11-20","patient_id":"P0000011a","balance_cents":8401},{"service_date":"2026-03-17","patient_id":"P0000011a","balance_cents":2864},{"service_date":"2025-12-25","patient_id":"P0000011a","balance_cents":28927},{"service_date":"2026-01-07","patient_id":"P0000011b","balance_cents":16128},{"service_date":"2026-01-22","patient_id":"P0000011b","balance_cents":31661},{"service_date":"2026-02-18","patient_id":"P0000011b","balance_cents":105412},{"service_date":"2026-02-07","patient_id":"P0000011b","balance_cents":6919}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000011:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (99, 'standard-2026-07-01', 'standard-2026-07-01-000011', 'G0000011', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000011', '2026-07-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/His3m96sxLSb9CjqRZMLyg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe11","postal_line1":"11 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000011","total_cents":200312,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/His3m96sxLSb9CjqRZMLyg","lines":[{"service_date":"2025-11-20","patient_id":"P0000011a","balance_cents":8401},{"service_date":"2026-03-17","patient_id":"P0000011a","balance_cents":2864},{"service_date":"2025-12-25","patient_id":"P0000011a","balance_cents":28927},{"service_date":"2026-01-07","patient_id":"P0000011b","balance_cents":16128},{"service_date":"2026-01-22","patient_id":"P0000011b","balance_cents":31661},{"service_date":"2026-02-18","patient_id":"P0000011b","balance_cents":105412},{"service_date":"2026-02-07","patient_id":"P0000011b","balance_cents":6919}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000011:text', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (100, 'standard-2026-07-01', 'standard-2026-07-01-000011', 'G0000011', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '11 Main St, Springfield IL 62701', '2026-07-01 06:00:00+00', '{"body":"This is our final notice about your balance of $2,003.12.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe11","postal_line1":"11 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000011","total_cents":200312,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/His3m96sxLSb9CjqRZMLyg","lines":[{"service_date":"2025-11-20","patient_id":"P0000011a","balance_cents":8401},{"service_date":"2026-03-17","patient_id":"P0000011a","balance_cents":2864},{"service_date":"2025-12-25","patient_id":"P0000011a","balance_cents":28927},{"service_date":"2026-01-07","patient_id":"P0000011b","balance_cents":16128},{"service_date":"2026-01-22","patient_id":"P0000011b","balance_cents":31661},{"service_date":"2026-02-18","patient_id":"P0000011b","balance_cents":105412},{"service_date":"2026-02-07","patient_id":"P0000011b","balance_cents":6919}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000011:print', 0, '2026-07-01 06:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (101, 'standard-2026-07-01', 'standard-2026-07-01-000012', 'G0000012', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $282.11.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/wMyvH5vPbFDvEZ8ql462WA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe12","postal_line1":"12 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000012","total_cents":28211,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/wMyvH5vPbFDvEZ8ql462WA","lines":[{"service_date":"2025-09-11","patient_id":"P0000012a","balance_cents":5502},{"service_date":"2026-05-01","patient_id":"P0000012b","balance_cents":2403},{"service_date":"2025-10-25","patient_id":"P0000012a","balance_cents":20306}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000012:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (102, 'standard-2026-07-01', 'standard-2026-07-01-000012', 'G0000012', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000012', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/wMyvH5vPbFDvEZ8ql462WA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe12","postal_line1":"12 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000012","total_cents":28211,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/wMyvH5vPbFDvEZ8ql462WA","lines":[{"service_date":"2025-09-11","patient_id":"P0000012a","balance_cents":5502},{"service_date":"2026-05-01","patient_id":"P0000012b","balance_cents":2403},{"service_date":"2025-10-25","patient_id":"P0000012a","balance_cents":20306}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000012:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (103, 'standard-2026-07-01', 'standard-2026-07-01-000012', 'G0000012', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '12 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $282.11.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe12","postal_line1":"12 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000012","total_cents":28211,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/wMyvH5vPbFDvEZ8ql462WA","lines":[{"service_date":"2025-09-11","patient_id":"P0000012a","balance_cents":5502},{"service_date":"2026-05-01","patient_id":"P0000012b","balance_cents":2403},{"service_date":"2025-10-25","patient_id":"P0000012a","balance_cents":20306}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000012:print', 0, '2026-07-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (104, 'standard-2026-07-01', 'standard-2026-07-01-000013', 'G0000013', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat13@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $721.18.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/56253bnoY8LBhNvz5TAQ_g\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000013","total_cents":72118,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/56253bnoY8LBhNvz5TAQ_g","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958},{"service_date":"2026-02-26","patient_id":"P0000013a","balance_cents":26889}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000013:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (132, 'standard-2026-07-01', 'standard-2026-07-01-000022', 'G0000022', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '22 Main St, Springfield IL 62701', '2026-07-01 04:00:00+00', '{"body":"This is our final notice about your balance of $3,586.10.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000022","total_cents":358610,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/6e_ctYNQuwIjTA9fmw75Rg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000022:print', 0, '2026-07-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (105, 'standard-2026-07-01', 'standard-2026-07-01-000013', 'G0000013', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/56253bnoY8LBhNvz5TAQ_g"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000013","total_cents":72118,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/56253bnoY8LBhNvz5TAQ_g","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958},{"service_date":"2026-02-26","patient_id":"P0000013a","balance_cents":26889}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000013:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (106, 'standard-2026-07-01', 'standard-2026-07-01-000013', 'G0000013', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '13 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $721.18.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe13","postal_line1":"13 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000013","total_cents":72118,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/56253bnoY8LBhNvz5TAQ_g","lines":[{"service_date":"2026-01-15","patient_id":"P0000013a","balance_cents":3036},{"service_date":"2025-09-04","patient_id":"P0000013a","balance_cents":19364},{"service_date":"2026-01-03","patient_id":"P0000013b","balance_cents":19871},{"service_date":"2025-09-02","patient_id":"P0000013b","balance_cents":2958},{"service_date":"2026-02-26","patient_id":"P0000013a","balance_cents":26889}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000013:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (107, 'standard-2026-07-01', 'standard-2026-07-01-000014', 'G0000014', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat14@example.org', '2026-07-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,233.01.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/C37J-IxHjteeA6hF1pB_8w\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000014","total_cents":123301,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/C37J-IxHjteeA6hF1pB_8w","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2025-09-20","patient_id":"P0000014b","balance_cents":9508},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000014:email', 0, '2026-07-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (108, 'standard-2026-07-01', 'standard-2026-07-01-000014', 'G0000014', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000014', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/C37J-IxHjteeA6hF1pB_8w"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000014","total_cents":123301,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/C37J-IxHjteeA6hF1pB_8w","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2025-09-20","patient_id":"P0000014b","balance_cents":9508},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000014:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (109, 'standard-2026-07-01', 'standard-2026-07-01-000014', 'G0000014', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '14 Main St, Springfield IL 62701', '2026-07-01 04:00:00+00', '{"body":"This is our final notice about your balance of $1,233.01.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe14","postal_line1":"14 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000014","total_cents":123301,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/C37J-IxHjteeA6hF1pB_8w","lines":[{"service_date":"2025-08-21","patient_id":"P0000014b","balance_cents":44676},{"service_date":"2025-09-20","patient_id":"P0000014b","balance_cents":9508},{"service_date":"2026-03-27","patient_id":"P0000014a","balance_cents":642},{"service_date":"2026-03-16","patient_id":"P0000014b","balance_cents":24573},{"service_date":"2025-10-11","patient_id":"P0000014a","balance_cents":13849},{"service_date":"2026-05-06","patient_id":"P0000014a","balance_cents":30053}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000014:print', 0, '2026-07-01 04:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (110, 'standard-2026-07-01', 'standard-2026-07-01-000015', 'G0000015', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat15@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $2,285.37.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/-K1BnQyttv6nW88PZCMmmQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000015","total_cents":228537,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/-K1BnQyttv6nW88PZCMmmQ","lines":[{"service_date":"2026-02-25","patient_id":"P0000015b","balance_cents":9042},{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-09-06","patient_id":"P0000015b","balance_cents":9648},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2025-08-29","patient_id":"P0000015a","balance_cents":6482},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860},{"service_date":"2025-08-17","patient_id":"P0000015b","balance_cents":32435}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000015:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (111, 'standard-2026-07-01', 'standard-2026-07-01-000015', 'G0000015', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000015', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/-K1BnQyttv6nW88PZCMmmQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000015","total_cents":228537,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/-K1BnQyttv6nW88PZCMmmQ","lines":[{"service_date":"2026-02-25","patient_id":"P0000015b","balance_cents":9042},{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-09-06","patient_id":"P0000015b","balance_cents":9648},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2025-08-29","patient_id":"P0000015a","balance_cents":6482},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860},{"service_date":"2025-08-17","patient_id":"P0000015b","balance_cents":32435}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000015:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (112, 'standard-2026-07-01', 'standard-2026-07-01-000015', 'G0000015', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '15 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $2,285.37.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe15","postal_line1":"15 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000015","total_cents":228537,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/-K1BnQyttv6nW88PZCMmmQ","lines":[{"service_date":"2026-02-25","patient_id":"P0000015b","balance_cents":9042},{"service_date":"2026-04-28","patient_id":"P0000015b","balance_cents":162150},{"service_date":"2025-09-06","patient_id":"P0000015b","balance_cents":9648},{"service_date":"2025-10-17","patient_id":"P0000015b","balance_cents":2920},{"service_date":"2025-08-29","patient_id":"P0000015a","balance_cents":6482},{"service_date":"2026-03-27","patient_id":"P0000015b","balance_cents":5860},{"service_date":"2025-08-17","patient_id":"P0000015b","balance_cents":32435}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000015:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (113, 'standard-2026-07-01', 'standard-2026-07-01-000016', 'G0000016', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat16@example.org', '2026-07-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $438.13.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/GYX2mxMAF8xr64xU272-Hw\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000016","total_cents":43813,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/GYX2mxMAF8xr64xU272-Hw","lines":[{"service_date":"2025-09-26","patient_id":"P0000016b","balance_cents":7808},{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000016:email', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (114, 'standard-2026-07-01', 'standard-2026-07-01-000016', 'G0000016', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000016', '2026-07-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/GYX2mxMAF8xr64xU272-Hw"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000016","total_cents":43813,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/GYX2mxMAF8xr64xU272-Hw","lines":[{"service_date":"2025-09-26","patient_id":"P0000016b","balance_cents":7808},{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000016:text', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (115, 'standard-2026-07-01', 'standard-2026-07-01-000016', 'G0000016', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '16 Main St, Springfield IL 62701', '2026-07-01 06:00:00+00', '{"body":"This is our final notice about your balance of $438.13.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe16","postal_line1":"16 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000016","total_cents":43813,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/GYX2mxMAF8xr64xU272-Hw","lines":[{"service_date":"2025-09-26","patient_id":"P0000016b","balance_cents":7808},{"service_date":"2025-09-20","patient_id":"P0000016a","balance_cents":8166},{"service_date":"2026-01-04","patient_id":"P0000016a","balance_cents":21403},{"service_date":"2025-10-26","patient_id":"P0000016a","balance_cents":4512},{"service_date":"2025-09-11","patient_id":"P0000016a","balance_cents":1924}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000016:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (116, 'standard-2026-07-01', 'standard-2026-07-01-000017', 'G0000017', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat17@example.org', '2026-07-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $588.04.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/a7SH9dGd-do8QMeq5UYyQA\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000017","total_cents":58804,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/a7SH9dGd-do8QMeq5UYyQA","lines":[{"service_date":"2026-01-16","patient_id":"P0000017b","balance_cents":3225},{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015},{"service_date":"2026-04-26","patient_id":"P0000017b","balance_cents":9440}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000017:email', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (117, 'standard-2026-07-01', 'standard-2026-07-01-000017', 'G0000017', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-07-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/a7SH9dGd-do8QMeq5UYyQA"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000017","total_cents":58804,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/a7SH9dGd-do8QMeq5UYyQA","lines":[{"service_date":"2026-01-16","patient_id":"P0000017b","balance_cents":3225},{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015},{"service_date":"2026-04-26","patient_id":"P0000017b","balance_cents":9440}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000017:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (118, 'standard-2026-07-01', 'standard-2026-07-01-000017', 'G0000017', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '17 Main St, Springfield IL 62701', '2026-07-01 06:00:00+00', '{"body":"This is our final notice about your balance of $588.04.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe17","postal_line1":"17 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000017","total_cents":58804,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/a7SH9dGd-do8QMeq5UYyQA","lines":[{"service_date":"2026-01-16","patient_id":"P0000017b","balance_cents":3225},{"service_date":"2025-08-27","patient_id":"P0000017b","balance_cents":22188},{"service_date":"2026-03-18","patient_id":"P0000017b","balance_cents":7188},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8748},{"service_date":"2025-10-23","patient_id":"P0000017a","balance_cents":8015},{"service_date":"2026-04-26","patient_id":"P0000017b","balance_cents":9440}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000017:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (119, 'standard-2026-07-01', 'standard-2026-07-01-000018', 'G0000018', 'standard', 'email', 'past_due', 2, 'scheduled', NULL, 'pat18@example.org', '2026-07-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $27.41 is past due.\nPlease pay by 2026-07-22: https://pay.example.org/q/cX2dyHID9ml0Lp_-gXnMgA\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe18","postal_line1":"18 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000018","total_cents":2741,"due_date":"2026-07-22","level":2,"encounter_count":1,"pay_link":"https://pay.example.org/q/cX2dyHID9ml0Lp_-gXnMgA","lines":[{"service_date":"2026-03-29","patient_id":"P0000018b","balance_cents":2741}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000018:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (121, 'standard-2026-07-01', 'standard-2026-07-01-000019', 'G0000019', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat19@example.org', '2026-07-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,096.27.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/chqjvuwTGk8Z7MGm5pxqLg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000019","total_cents":109627,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/chqjvuwTGk8Z7MGm5pxqLg","lines":[{"service_date":"2026-01-01","patient_id":"P0000019a","balance_cents":9026},{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000019:email', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (122, 'standard-2026-07-01', 'standard-2026-07-01-000019', 'G0000019', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000019', '2026-07-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/chqjvuwTGk8Z7MGm5pxqLg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000019","total_cents":109627,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/chqjvuwTGk8Z7MGm5pxqLg","lines":[{"service_date":"2026-01-01","patient_id":"P0000019a","balance_cents":9026},{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000019:text', 0, '2026-07-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (123, 'standard-2026-07-01', 'standard-2026-07-01-000019', 'G0000019', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '19 Main St, Springfield IL 62701', '2026-07-01 07:00:00+00', '{"body":"This is our final notice about your balance of $1,096.27.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe19","postal_line1":"19 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000019","total_cents":109627,"due_date":"2026-07-22","level":3,"encounter_count":7,"pay_link":"https://pay.example.org/q/chqjvuwTGk8Z7MGm5pxqLg","lines":[{"service_date":"2026-01-01","patient_id":"P0000019a","balance_cents":9026},{"service_date":"2025-12-22","patient_id":"P0000019b","balance_cents":19414},{"service_date":"2026-01-04","patient_id":"P0000019b","balance_cents":4497},{"service_date":"2026-02-24","patient_id":"P0000019b","balance_cents":39185},{"service_date":"2025-08-23","patient_id":"P0000019a","balance_cents":3959},{"service_date":"2026-02-19","patient_id":"P0000019b","balance_cents":24950},{"service_date":"2025-10-09","patient_id":"P0000019a","balance_cents":8596}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000019:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (124, 'standard-2026-07-01', 'standard-2026-07-01-000020', 'G0000020', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,736.65.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/s_9Ve0RqgSpIBmLpPsM_Ug\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe20","postal_line1":"20 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000020","total_cents":173665,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/s_9Ve0RqgSpIBmLpPsM_Ug","lines":[{"service_date":"2025-12-13","patient_id":"P0000020a","balance_cents":103407},{"service_date":"2026-01-12","patient_id":"P0000020a","balance_cents":6444},{"service_date":"2025-09-17","patient_id":"P0000020a","balance_cents":14532},{"service_date":"2026-02-04","patient_id":"P0000020a","balance_cents":36814},{"service_date":"2026-03-19","patient_id":"P0000020a","balance_cents":12468}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000020:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (125, 'standard-2026-07-01', 'standard-2026-07-01-000020', 'G0000020', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000020', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/s_9Ve0RqgSpIBmLpPsM_Ug"}', '{"recipient":{"first_name":"Pat","last_name":"Doe20","postal_line1":"20 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000020","total_cents":173665,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/s_9Ve0RqgSpIBmLpPsM_Ug","lines":[{"service_date":"2025-12-13","patient_id":"P0000020a","balance_cents":103407},{"service_date":"2026-01-12","patient_id":"P0000020a","balance_cents":6444},{"service_date":"2025-09-17","patient_id":"P0000020a","balance_cents":14532},{"service_date":"2026-02-04","patient_id":"P0000020a","balance_cents":36814},{"service_date":"2026-03-19","patient_id":"P0000020a","balance_cents":12468}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000020:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (126, 'standard-2026-07-01', 'standard-2026-07-01-000020', 'G0000020', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '20 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $1,736.65.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe20","postal_line1":"20 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000020","total_cents":173665,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/s_9Ve0RqgSpIBmLpPsM_Ug","lines":[{"service_date":"2025-12-13","patient_id":"P0000020a","balance_cents":103407},{"service_date":"2026-01-12","patient_id":"P0000020a","balance_cents":6444},{"service_date":"2025-09-17","patient_id":"P0000020a","balance_cents":14532},{"service_date":"2026-02-04","patient_id":"P0000020a","balance_cents":36814},{"service_date":"2026-03-19","patient_id":"P0000020a","balance_cents":12468}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000020:print', 0, '2026-07-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (127, 'standard-2026-07-01', 'standard-2026-07-01-000021', 'G0000021', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat21@example.org', '2026-07-01 13:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $463.58.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/tzfi98a8ijF5UOtAcetI5w\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000021","total_cents":46358,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/tzfi98a8ijF5UOtAcetI5w","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000021:email', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (128, 'standard-2026-07-01', 'standard-2026-07-01-000021', 'G0000021', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000021', '2026-07-01 14:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/tzfi98a8ijF5UOtAcetI5w"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000021","total_cents":46358,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/tzfi98a8ijF5UOtAcetI5w","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000021:text', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (129, 'standard-2026-07-01', 'standard-2026-07-01-000021', 'G0000021', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '21 Main St, Springfield IL 62701', '2026-07-01 06:00:00+00', '{"body":"This is our final notice about your balance of $463.58.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe21","postal_line1":"21 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000021","total_cents":46358,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/tzfi98a8ijF5UOtAcetI5w","lines":[{"service_date":"2026-05-07","patient_id":"P0000021a","balance_cents":24800},{"service_date":"2025-09-01","patient_id":"P0000021a","balance_cents":18414},{"service_date":"2025-10-21","patient_id":"P0000021a","balance_cents":3144}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Denver', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000021:print', 0, '2026-07-01 06:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (130, 'standard-2026-07-01', 'standard-2026-07-01-000022', 'G0000022', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat22@example.org', '2026-07-01 11:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $3,586.10.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/6e_ctYNQuwIjTA9fmw75Rg\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000022","total_cents":358610,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/6e_ctYNQuwIjTA9fmw75Rg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000022:email', 0, '2026-07-01 11:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (131, 'standard-2026-07-01', 'standard-2026-07-01-000022', 'G0000022', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000022', '2026-07-01 12:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/6e_ctYNQuwIjTA9fmw75Rg"}', '{"recipient":{"first_name":"Pat","last_name":"Doe22","postal_line1":"22 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000022","total_cents":358610,"due_date":"2026-07-22","level":3,"encounter_count":3,"pay_link":"https://pay.example.org/q/6e_ctYNQuwIjTA9fmw75Rg","lines":[{"service_date":"2025-10-17","patient_id":"P0000022b","balance_cents":72935},{"service_date":"2025-11-07","patient_id":"P0000022b","balance_cents":6127},{"service_date":"2025-11-04","patient_id":"P0000022a","balance_cents":279548}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/New_York', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000022:text', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (133, 'standard-2026-07-01', 'standard-2026-07-01-000023', 'G0000023', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat23@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,423.11.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/c-dKQNFqJxLbf7GjkYSl_A\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000023","total_cents":142311,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/c-dKQNFqJxLbf7GjkYSl_A","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068},{"service_date":"2025-11-10","patient_id":"P0000023b","balance_cents":9472},{"service_date":"2026-03-13","patient_id":"P0000023b","balance_cents":38792}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000023:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (134, 'standard-2026-07-01', 'standard-2026-07-01-000023', 'G0000023', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000023', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/c-dKQNFqJxLbf7GjkYSl_A"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000023","total_cents":142311,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/c-dKQNFqJxLbf7GjkYSl_A","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068},{"service_date":"2025-11-10","patient_id":"P0000023b","balance_cents":9472},{"service_date":"2026-03-13","patient_id":"P0000023b","balance_cents":38792}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000023:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (135, 'standard-2026-07-01', 'standard-2026-07-01-000023', 'G0000023', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '23 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $1,423.11.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe23","postal_line1":"23 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000023","total_cents":142311,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/c-dKQNFqJxLbf7GjkYSl_A","lines":[{"service_date":"2025-12-02","patient_id":"P0000023b","balance_cents":979},{"service_date":"2026-02-01","patient_id":"P0000023b","balance_cents":93068},{"service_date":"2025-11-10","patient_id":"P0000023b","balance_cents":9472},{"service_date":"2026-03-13","patient_id":"P0000023b","balance_cents":38792}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000023:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (136, 'standard-2026-07-01', 'standard-2026-07-01-000024', 'G0000024', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat24@example.org', '2026-07-01 14:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,289.95.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/a9wUgrU2ICaZf9N0yTVlvw\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000024","total_cents":128995,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/a9wUgrU2ICaZf9N0yTVlvw","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000024:email', 0, '2026-07-01 14:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (137, 'standard-2026-07-01', 'standard-2026-07-01-000024', 'G0000024', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000024', '2026-07-01 15:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/a9wUgrU2ICaZf9N0yTVlvw"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000024","total_cents":128995,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/a9wUgrU2ICaZf9N0yTVlvw","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000024:text', 0, '2026-07-01 15:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (138, 'standard-2026-07-01', 'standard-2026-07-01-000024', 'G0000024', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '24 Main St, Springfield IL 62701', '2026-07-01 07:00:00+00', '{"body":"This is our final notice about your balance of $1,289.95.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe24","postal_line1":"24 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000024","total_cents":128995,"due_date":"2026-07-22","level":3,"encounter_count":4,"pay_link":"https://pay.example.org/q/a9wUgrU2ICaZf9N0yTVlvw","lines":[{"service_date":"2025-09-04","patient_id":"P0000024a","balance_cents":14386},{"service_date":"2025-10-04","patient_id":"P0000024b","balance_cents":38730},{"service_date":"2026-04-15","patient_id":"P0000024a","balance_cents":46633},{"service_date":"2026-02-02","patient_id":"P0000024a","balance_cents":29246}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Los_Angeles', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000024:print', 0, '2026-07-01 07:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (139, 'standard-2026-07-01', 'standard-2026-07-01-000025', 'G0000025', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat25@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $769.30.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/tnmRSiIxG9CqNVK9jTKuHQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe25","postal_line1":"25 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000025","total_cents":76930,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/tnmRSiIxG9CqNVK9jTKuHQ","lines":[{"service_date":"2026-02-20","patient_id":"P0000025b","balance_cents":73608},{"service_date":"2026-01-26","patient_id":"P0000025b","balance_cents":3322}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000025:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (140, 'standard-2026-07-01', 'standard-2026-07-01-000025', 'G0000025', 'standard', 'text', 'final_notice', 3, 'suppressed', 'no_mobile', NULL, '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/tnmRSiIxG9CqNVK9jTKuHQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe25","postal_line1":"25 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000025","total_cents":76930,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/tnmRSiIxG9CqNVK9jTKuHQ","lines":[{"service_date":"2026-02-20","patient_id":"P0000025b","balance_cents":73608},{"service_date":"2026-01-26","patient_id":"P0000025b","balance_cents":3322}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000025:text', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (141, 'standard-2026-07-01', 'standard-2026-07-01-000025', 'G0000025', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '25 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $769.30.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe25","postal_line1":"25 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000025","total_cents":76930,"due_date":"2026-07-22","level":3,"encounter_count":2,"pay_link":"https://pay.example.org/q/tnmRSiIxG9CqNVK9jTKuHQ","lines":[{"service_date":"2026-02-20","patient_id":"P0000025b","balance_cents":73608},{"service_date":"2026-01-26","patient_id":"P0000025b","balance_cents":3322}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000025:print', 0, '2026-07-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (142, 'standard-2026-07-01', 'standard-2026-07-01-000026', 'G0000026', 'standard', 'email', 'past_due', 2, 'scheduled', NULL, 'pat26@example.org', '2026-07-01 12:00:00+00', '{"subject":"Second notice from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $118.44 is past due.\nPlease pay by 2026-07-22: https://pay.example.org/q/MWIdgUgxPCrnqz_btbzzKQ\n\nIf you cannot pay in full, call us at +1 555 555 0199 to set up a payment plan.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe26","postal_line1":"26 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000026","total_cents":11844,"due_date":"2026-07-22","level":2,"encounter_count":3,"pay_link":"https://pay.example.org/q/MWIdgUgxPCrnqz_btbzzKQ","lines":[{"service_date":"2025-09-23","patient_id":"P0000026b","balance_cents":2640},{"service_date":"2025-11-03","patient_id":"P0000026b","balance_cents":4889},{"service_date":"2026-01-15","patient_id":"P0000026b","balance_cents":4315}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000026:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (143, 'standard-2026-07-01', 'standard-2026-07-01-000026', 'G0000026', 'standard', 'text', 'past_due', 2, 'scheduled', NULL, '+15550000026', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: your balance is past due. Pay: https://pay.example.org/q/MWIdgUgxPCrnqz_btbzzKQ Reply STOP to opt out"}', '{"recipient":{"first_name":"Pat","last_name":"Doe26","postal_line1":"26 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000026","total_cents":11844,"due_date":"2026-07-22","level":2,"encounter_count":3,"pay_link":"https://pay.example.org/q/MWIdgUgxPCrnqz_btbzzKQ","lines":[{"service_date":"2025-09-23","patient_id":"P0000026b","balance_cents":2640},{"service_date":"2025-11-03","patient_id":"P0000026b","balance_cents":4889},{"service_date":"2026-01-15","patient_id":"P0000026b","balance_cents":4315}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000026:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (144, 'standard-2026-07-01', 'standard-2026-07-01-000027', 'G0000027', 'standard', 'email', 'final_notice', 3, 'suppressed', 'no_email', NULL, '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $1,590.56.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/9xYDDaAYgfsqF7I4_6WDxQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe27","postal_line1":"27 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000027","total_cents":159056,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/9xYDDaAYgfsqF7I4_6WDxQ","lines":[{"service_date":"2025-10-03","patient_id":"P0000027b","balance_cents":26379},{"service_date":"2026-05-01","patient_id":"P0000027a","balance_cents":13453},{"service_date":"2025-10-13","patient_id":"P0000027a","balance_cents":4149},{"service_date":"2026-04-10","patient_id":"P0000027a","balance_cents":7859},{"service_date":"2025-08-20","patient_id":"P0000027b","balance_cents":91396},{"service_date":"2026-02-20","patient_id":"P0000027a","balance_cents":15820}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000027:email', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (145, 'standard-2026-07-01', 'standard-2026-07-01-000027', 'G0000027', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000027', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/9xYDDaAYgfsqF7I4_6WDxQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe27","postal_line1":"27 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000027","total_cents":159056,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/9xYDDaAYgfsqF7I4_6WDxQ","lines":[{"service_date":"2025-10-03","patient_id":"P0000027b","balance_cents":26379},{"service_date":"2026-05-01","patient_id":"P0000027a","balance_cents":13453},{"service_date":"2025-10-13","patient_id":"P0000027a","balance_cents":4149},{"service_date":"2026-04-10","patient_id":"P0000027a","balance_cents":7859},{"service_date":"2025-08-20","patient_id":"P0000027b","balance_cents":91396},{"service_date":"2026-02-20","patient_id":"P0000027a","balance_cents":15820}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000027:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (146, 'standard-2026-07-01', 'standard-2026-07-01-000027', 'G0000027', 'standard', 'print', 'final_notice', 3, 'scheduled', NULL, '27 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $1,590.56.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe27","postal_line1":"27 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000027","total_cents":159056,"due_date":"2026-07-22","level":3,"encounter_count":6,"pay_link":"https://pay.example.org/q/9xYDDaAYgfsqF7I4_6WDxQ","lines":[{"service_date":"2025-10-03","patient_id":"P0000027b","balance_cents":26379},{"service_date":"2026-05-01","patient_id":"P0000027a","balance_cents":13453},{"service_date":"2025-10-13","patient_id":"P0000027a","balance_cents":4149},{"service_date":"2026-04-10","patient_id":"P0000027a","balance_cents":7859},{"service_date":"2025-08-20","patient_id":"P0000027b","balance_cents":91396},{"service_date":"2026-02-20","patient_id":"P0000027a","balance_cents":15820}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000027:print', 0, '2026-07-01 05:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (147, 'standard-2026-07-01', 'standard-2026-07-01-000028', 'G0000028', 'standard', 'email', 'final_notice', 3, 'scheduled', NULL, 'pat28@example.org', '2026-07-01 12:00:00+00', '{"subject":"Final notice from Riverside Family Medicine","body":"Hello Pat,\n\nthis is our final notice about your balance of $352.26.\nPlease pay by 2026-07-22 or call +1 555 555 0199 to avoid collections.\nPay online: https://pay.example.org/q/zpliD4UULN1yU23XCt1QyQ\n\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000028","total_cents":35226,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/zpliD4UULN1yU23XCt1QyQ","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783},{"service_date":"2025-08-18","patient_id":"P0000028b","balance_cents":4988},{"service_date":"2026-02-20","patient_id":"P0000028a","balance_cents":7668}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000028:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (148, 'standard-2026-07-01', 'standard-2026-07-01-000028', 'G0000028', 'standard', 'text', 'final_notice', 3, 'scheduled', NULL, '+15550000028', '2026-07-01 13:00:00+00', '{"body":"Riverside Family Medicine: final notice. Call +1 555 555 0199 or pay: https://pay.example.org/q/zpliD4UULN1yU23XCt1QyQ"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000028","total_cents":35226,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/zpliD4UULN1yU23XCt1QyQ","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783},{"service_date":"2025-08-18","patient_id":"P0000028b","balance_cents":4988},{"service_date":"2026-02-20","patient_id":"P0000028a","balance_cents":7668}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '08:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000028:text', 0, '2026-07-01 13:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (149, 'standard-2026-07-01', 'standard-2026-07-01-000028', 'G0000028', 'standard', 'print', 'final_notice', 3, 'suppressed', 'paperless', '28 Main St, Springfield IL 62701', '2026-07-01 05:00:00+00', '{"body":"This is our final notice about your balance of $352.26.\nTo avoid collections, please pay it by the due date or call us to set up a payment plan.\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe28","postal_line1":"28 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000028","total_cents":35226,"due_date":"2026-07-22","level":3,"encounter_count":5,"pay_link":"https://pay.example.org/q/zpliD4UULN1yU23XCt1QyQ","lines":[{"service_date":"2026-04-18","patient_id":"P0000028b","balance_cents":5569},{"service_date":"2026-04-01","patient_id":"P0000028b","balance_cents":9218},{"service_date":"2026-04-23","patient_id":"P0000028a","balance_cents":7783},{"service_date":"2025-08-18","patient_id":"P0000028b","balance_cents":4988},{"service_date":"2026-02-20","patient_id":"P0000028a","balance_cents":7668}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', NULL, 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000028:print', 0, NULL, '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');
INSERT INTO __schema__.notifications VALUES (150, 'standard-2026-07-01', 'standard-2026-07-01-000029', 'G0000029', 'standard', 'email', 'reminder', 1, 'scheduled', NULL, 'pat29@example.org', '2026-07-01 12:00:00+00', '{"subject":"Your statement from Riverside Family Medicine","body":"Hello Pat,\n\nyour balance of $484.62 is due by 2026-07-22.\nPay online: https://pay.example.org/q/S2Dy_Yb3NTMp5f7GXDqmGQ\n\nQuestions? Call us at +1 555 555 0199.\nRiverside Family Medicine\n"}', '{"recipient":{"first_name":"Pat","last_name":"Doe29","postal_line1":"29 Main St","postal_line2":"","postal_city":"Springfield","postal_state":"IL","postal_zip":"62701"},"statement":{"id":"standard-2026-07-01-000029","total_cents":48462,"due_date":"2026-07-22","level":1,"encounter_count":1,"pay_link":"https://pay.example.org/q/S2Dy_Yb3NTMp5f7GXDqmGQ","lines":[{"service_date":"2025-12-06","patient_id":"P0000029a","balance_cents":48462}]},"sender":{"practice":"Riverside Family Medicine","phone":"+1 555 555 0199","profile":"Standard patient statements"}}', 'America/Chicago', '07:00-21:00', 5, '[60,300,1800,7200]', 'batch', 'standard-2026-07-01-000029:email', 0, '2026-07-01 12:00:00+00', '6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', false, NULL, NULL, NULL, NULL, NULL, '2026-12-06 20:46:02.86632+00', '2026-12-06 20:46:02.86632+00');


--
-- Data for Name: opt_outs; Type: TABLE DATA; Schema: __schema__; Owner: -
--



--
-- Data for Name: payments; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.payments VALUES (1, 'E00000007', 188, '2026-05-06', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (2, 'E00000023', 31700, '2026-05-09', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (3, 'E00000027', 599, '2026-04-05', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (4, 'E00000036', 1126, '2026-05-02', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (5, 'E00000038', 286, '2026-04-07', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (6, 'E00000041', 3166, '2026-05-04', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (7, 'E00000043', 2075, '2026-04-08', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (8, 'E00000047', 910, '2026-04-04', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (9, 'E00000056', 4154, '2026-04-28', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (10, 'E00000060', 4824, '2026-05-29', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (11, 'E00000067', 816, '2026-05-01', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (12, 'E00000077', 2741, '2026-05-05', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (13, 'E00000086', 322, '2026-05-08', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (14, 'E00000087', 1453, '2026-05-12', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (15, 'E00000088', 1840, '2026-05-28', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (16, 'E00000111', 1244, '2026-05-09', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (17, 'E00000113', 4569, '2026-04-28', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (18, 'E00000119', 3834, '2026-05-28', 'standard-2026-06-01', NULL);
INSERT INTO __schema__.payments VALUES (19, 'E00000001', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (20, 'E00000008', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (21, 'E00000015', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (22, 'E00000022', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (23, 'E00000029', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (24, 'E00000036', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (25, 'E00000043', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (26, 'E00000050', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (27, 'E00000057', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (28, 'E00000064', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (29, 'E00000071', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (30, 'E00000078', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (31, 'E00000085', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (32, 'E00000092', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (33, 'E00000099', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (34, 'E00000106', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (35, 'E00000113', 2500, '2026-06-20', 'standard-2026-07-01', NULL);
INSERT INTO __schema__.payments VALUES (36, 'E00000120', 2500, '2026-06-20', 'standard-2026-07-01', NULL);


--
-- Data for Name: profiles; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.profiles VALUES ('standard', '2026-07-01', 'standard-2026-07-01');


--
-- Data for Name: rules_versions; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.rules_versions VALUES ('6dd8a8eba11128af7e5f0ab1ce1dad3e2c68b103dbcad9ba08789060e03d4749', '# Standard patient statements.
#
# This file is the whole policy for one "statement profile": who gets a statement, how often,
# which message goes with each dunning level, and what happens when a patient pays.
# The full reference is docs/rules.md. After any change, check the file with:
#
#     rulesengine validate rules/standard.yaml
#
# Lines starting with ''#'' are comments and are ignored. Indentation matters: use spaces.

# The version of this file format. Leave it at 1.
rulesengine: 1

profile:
  # A short name for this profile (lower-case letters, digits, ''_'' and ''-'').
  id: standard
  # The name shown in reports.
  name: Standard patient statements
  # The practice name; messages use it as {{ practice }}.
  practice: Riverside Family Medicine
  # The phone number patients call; messages use it as {{ phone }}.
  phone: "+1 555 555 0199"
  # The time zone used for patients who have none on file (sending hours are local time).
  timezone: America/Chicago
  # The online payment page; {token} is replaced by a unique code for each statement.
  pay_link: "https://pay.example.org/q/{token}"
  # A statement is due this many days after the statement run.
  due_days: 21

eligibility:
  # No statement is sent when its total is below this amount.
  min_statement_balance: 5.00
  # At least this many days between two statements for the same visit.
  cycle_days: 28
  # Visits to leave out of this run. The first matching rule''s name is shown as the reason.
  exclude:
    - name: tiny_balance
      when: encounter.balance < 1.00

dunning:
  # false: after the last level, a visit goes to the pre-collections worklist for staff.
  # (rules/no-limit.yaml is the same policy with true: the last message repeats instead.)
  no_limit: false
  # One entry per dunning level: level 1 is the first statement, level 2 the second, ...
  levels:
    # Level 1: a friendly reminder by email.
    - message: reminder
      channels: [email]
    # Level 2: past due, by email and text message.
    - message: past_due
      channels: [email, text]
    # Level 3: the final notice, by email, text message and a printed letter.
    - message: final_notice
      channels: [email, text, print]

payments:
  # What a payment since the last run does to the dunning level. First matching rule wins;
  # a payment that matches no rule only lowers the balance.
  rules:
    # A payment of at least 25% of the balance (or $100 or more) starts dunning over.
    - name: adequate
      when: payment.percent >= 25 or payment.amount >= 100
      then: reset_to_zero
    # Any smaller payment keeps the visit at its level for this run (no rise).
    - name: token
      when: payment.amount > 0
      then: hold

grouping:
  # One statement per guarantor (the person who pays), listing all their visits.
  one_statement_per: guarantor
  # Split statements further by location or provider: not used here.
  also_by: []
  # Visits already in the worklist still appear on the guarantor''s next statement.
  include_maxed_encounters: true

pre_collections:
  # A payment that resets dunning brings a visit back from the worklist.
  return_on_reset: true
  # A visit that is paid off leaves the worklist.
  clear_on_zero_balance: true

# The text of each message, per channel. Words in {{ }} are filled in for each statement;
# docs/rules.md lists every one of them.
messages:
  reminder:
    email:
      subject: "Your statement from {{ practice }}"
      body: |
        Hello {{ guarantor.first_name }},

        your balance of {{ statement.total | money }} is due by {{ statement.due_date }}.
        Pay online: {{ pay_link }}

        Questions? Call us at {{ phone }}.
        {{ practice }}
    text: "{{ practice }}: a new statement is ready. Pay: {{ pay_link }} Reply STOP to opt out"
  past_due:
    email:
      subject: "Second notice from {{ practice }}"
      body: |
        Hello {{ guarantor.first_name }},

        your balance of {{ statement.total | money }} is past due.
        Please pay by {{ statement.due_date }}: {{ pay_link }}

        If you cannot pay in full, call us at {{ phone }} to set up a payment plan.
        {{ practice }}
    text: "{{ practice }}: your balance is past due. Pay: {{ pay_link }} Reply STOP to opt out"
  final_notice:
    email:
      subject: "Final notice from {{ practice }}"
      body: |
        Hello {{ guarantor.first_name }},

        this is our final notice about your balance of {{ statement.total | money }}.
        Please pay by {{ statement.due_date }} or call {{ phone }} to avoid collections.
        Pay online: {{ pay_link }}

        {{ practice }}
    text: "{{ practice }}: final notice. Call {{ phone }} or pay: {{ pay_link }}"
    # The print letter writes the greeting ("Dear <name>,"), the statement lines, the total,
    # the due date, the pay link, the phone number and the remit slip around this text.
    print:
      body: |
        This is our final notice about your balance of {{ statement.total | money }}.
        To avoid collections, please pay it by the due date or call us to set up a payment plan.

# Sending hours, in the patient''s local time (start included, end not included).
channels:
  email:
    send_window: "07:00-21:00"
  text:
    # Text messages may only go out between 08:00 and 21:00; a narrower window is allowed.
    send_window: "08:00-21:00"
  print: {}

delivery:
  # How many times a message is tried before it is marked as an error for staff.
  max_attempts: 5
  # Seconds to wait before each new attempt.
  backoff: [60, 300, 1800, 7200]
  # Where proofs of a test run are sent, so staff can read the messages before a live run.
  test_recipients:
    email: billing-test@example.org
    text: "+15555550100"
');


--
-- Data for Name: statement_lines; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000001', 0, 'E00000001', 'P0000001a', '2025-10-02', 39018, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000001', 1, 'E00000002', 'P0000001a', '2026-01-18', 15856, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000001', 2, 'E00000003', 'P0000001a', '2026-04-19', 18291, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 0, 'E00000004', 'P0000002a', '2025-11-03', 2073, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 1, 'E00000005', 'P0000002b', '2025-08-13', 19809, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 2, 'E00000006', 'P0000002a', '2026-01-08', 51118, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 3, 'E00000007', 'P0000002b', '2026-02-24', 3778, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 4, 'E00000008', 'P0000002b', '2026-04-07', 36127, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000002', 5, 'E00000009', 'P0000002b', '2025-11-16', 34015, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000003', 0, 'E00000010', 'P0000003a', '2026-02-16', 2479, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000003', 1, 'E00000011', 'P0000003b', '2025-10-30', 6721, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000004', 0, 'E00000012', 'P0000004b', '2025-11-30', 2449, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000004', 1, 'E00000013', 'P0000004b', '2025-10-21', 7331, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000005', 0, 'E00000014', 'P0000005a', '2026-02-24', 10236, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000005', 1, 'E00000015', 'P0000005b', '2026-02-25', 4804, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000006', 0, 'E00000016', 'P0000006b', '2025-09-09', 9251, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000006', 1, 'E00000017', 'P0000006a', '2025-08-15', 5862, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000006', 2, 'E00000018', 'P0000006a', '2025-08-13', 10416, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000006', 3, 'E00000019', 'P0000006a', '2026-01-30', 148147, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 0, 'E00000020', 'P0000007b', '2025-11-07', 120445, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 1, 'E00000021', 'P0000007a', '2025-09-09', 2847, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 2, 'E00000022', 'P0000007b', '2026-01-30', 29758, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 3, 'E00000023', 'P0000007a', '2026-02-20', 31700, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 4, 'E00000024', 'P0000007b', '2025-11-14', 24359, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000007', 5, 'E00000025', 'P0000007a', '2025-10-02', 23268, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000008', 0, 'E00000026', 'P0000008a', '2026-04-11', 6681, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000008', 1, 'E00000027', 'P0000008a', '2025-09-29', 5993, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000008', 2, 'E00000028', 'P0000008a', '2025-11-27', 11807, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000008', 3, 'E00000030', 'P0000008b', '2025-08-26', 11677, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000009', 0, 'E00000031', 'P0000009a', '2025-10-05', 10897, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000009', 1, 'E00000032', 'P0000009b', '2026-02-28', 35313, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000010', 0, 'E00000033', 'P0000010b', '2025-11-20', 4299, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000010', 1, 'E00000035', 'P0000010a', '2025-12-25', 4523, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000010', 2, 'E00000036', 'P0000010a', '2025-12-21', 22532, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000011', 0, 'E00000038', 'P0000011a', '2026-03-17', 2864, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000011', 1, 'E00000039', 'P0000011a', '2025-12-25', 28927, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000011', 2, 'E00000040', 'P0000011b', '2026-01-07', 16128, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000011', 3, 'E00000041', 'P0000011b', '2026-01-22', 31661, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000011', 4, 'E00000043', 'P0000011b', '2026-02-07', 6919, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000012', 0, 'E00000044', 'P0000012a', '2025-09-11', 5502, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000012', 1, 'E00000045', 'P0000012b', '2026-05-01', 2403, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000013', 0, 'E00000047', 'P0000013a', '2026-01-15', 3036, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000013', 1, 'E00000048', 'P0000013a', '2025-09-04', 19364, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000013', 2, 'E00000049', 'P0000013b', '2026-01-03', 19871, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000013', 3, 'E00000050', 'P0000013b', '2025-09-02', 2958, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000014', 0, 'E00000052', 'P0000014b', '2025-08-21', 44676, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000014', 1, 'E00000054', 'P0000014a', '2026-03-27', 642, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000014', 2, 'E00000055', 'P0000014b', '2026-03-16', 24573, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000014', 3, 'E00000056', 'P0000014a', '2025-10-11', 13849, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000014', 4, 'E00000057', 'P0000014a', '2026-05-06', 30053, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000015', 0, 'E00000059', 'P0000015b', '2026-04-28', 162150, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000015', 1, 'E00000061', 'P0000015b', '2025-10-17', 2920, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000015', 2, 'E00000063', 'P0000015b', '2026-03-27', 5860, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000016', 0, 'E00000067', 'P0000016a', '2025-09-20', 8166, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000016', 1, 'E00000068', 'P0000016a', '2026-01-04', 21403, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000016', 2, 'E00000069', 'P0000016a', '2025-10-26', 4512, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000016', 3, 'E00000070', 'P0000016a', '2025-09-11', 1924, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000017', 0, 'E00000072', 'P0000017b', '2025-08-27', 22188, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000017', 1, 'E00000073', 'P0000017b', '2026-03-18', 7188, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000017', 2, 'E00000074', 'P0000017a', '2025-10-23', 8748, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000017', 3, 'E00000075', 'P0000017a', '2025-10-23', 8015, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000018', 0, 'E00000077', 'P0000018b', '2026-03-29', 2741, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 0, 'E00000079', 'P0000019b', '2025-12-22', 19414, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 1, 'E00000080', 'P0000019b', '2026-01-04', 4497, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 2, 'E00000081', 'P0000019b', '2026-02-24', 39185, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 3, 'E00000082', 'P0000019a', '2025-08-23', 3959, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 4, 'E00000083', 'P0000019b', '2026-02-19', 24950, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000019', 5, 'E00000084', 'P0000019a', '2025-10-09', 8596, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000020', 0, 'E00000085', 'P0000020a', '2025-12-13', 103407, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000020', 1, 'E00000086', 'P0000020a', '2026-01-12', 6444, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000020', 2, 'E00000087', 'P0000020a', '2025-09-17', 14532, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000020', 3, 'E00000089', 'P0000020a', '2026-03-19', 12468, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000021', 0, 'E00000090', 'P0000021a', '2026-05-07', 24800, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000021', 1, 'E00000091', 'P0000021a', '2025-09-01', 18414, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000021', 2, 'E00000092', 'P0000021a', '2025-10-21', 3144, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000022', 0, 'E00000093', 'P0000022b', '2025-10-17', 72935, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000022', 1, 'E00000094', 'P0000022b', '2025-11-07', 6127, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000022', 2, 'E00000095', 'P0000022a', '2025-11-04', 279548, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000023', 0, 'E00000096', 'P0000023b', '2025-12-02', 979, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000023', 1, 'E00000097', 'P0000023b', '2026-02-01', 93068, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000024', 0, 'E00000100', 'P0000024a', '2025-09-04', 14386, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000024', 1, 'E00000101', 'P0000024b', '2025-10-04', 38730, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000024', 2, 'E00000102', 'P0000024a', '2026-04-15', 46633, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000024', 3, 'E00000103', 'P0000024a', '2026-02-02', 29246, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000025', 0, 'E00000104', 'P0000025b', '2026-02-20', 73608, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000025', 1, 'E00000105', 'P0000025b', '2026-01-26', 3322, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000026', 0, 'E00000106', 'P0000026b', '2025-09-23', 2640, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000026', 1, 'E00000107', 'P0000026b', '2025-11-03', 4889, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000026', 2, 'E00000108', 'P0000026b', '2026-01-15', 4315, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000027', 0, 'E00000110', 'P0000027a', '2026-05-01', 13453, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000027', 1, 'E00000111', 'P0000027a', '2025-10-13', 4149, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000027', 2, 'E00000112', 'P0000027a', '2026-04-10', 7859, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000027', 3, 'E00000113', 'P0000027b', '2025-08-20', 91396, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000027', 4, 'E00000114', 'P0000027a', '2026-02-20', 15820, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000028', 0, 'E00000115', 'P0000028b', '2026-04-18', 5569, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000028', 1, 'E00000116', 'P0000028b', '2026-04-01', 9218, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000028', 2, 'E00000117', 'P0000028a', '2026-04-23', 7783, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-06-01-000029', 0, 'E00000120', 'P0000029a', '2025-12-06', 48462, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000001', 0, 'E00000001', 'P0000001a', '2025-10-02', 39018, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000001', 1, 'E00000002', 'P0000001a', '2026-01-18', 15856, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000001', 2, 'E00000003', 'P0000001a', '2026-04-19', 18291, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 0, 'E00000004', 'P0000002a', '2025-11-03', 2073, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 1, 'E00000005', 'P0000002b', '2025-08-13', 19809, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 2, 'E00000006', 'P0000002a', '2026-01-08', 51118, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 3, 'E00000007', 'P0000002b', '2026-02-24', 3778, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 4, 'E00000008', 'P0000002b', '2026-04-07', 36127, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000002', 5, 'E00000009', 'P0000002b', '2025-11-16', 34015, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000003', 0, 'E00000010', 'P0000003a', '2026-02-16', 2479, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000003', 1, 'E00000011', 'P0000003b', '2025-10-30', 6721, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000004', 0, 'E00000012', 'P0000004b', '2025-11-30', 2449, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000004', 1, 'E00000013', 'P0000004b', '2025-10-21', 7331, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000005', 0, 'E00000014', 'P0000005a', '2026-02-24', 10236, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000005', 1, 'E00000015', 'P0000005b', '2026-02-25', 4804, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000006', 0, 'E00000016', 'P0000006b', '2025-09-09', 9251, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000006', 1, 'E00000017', 'P0000006a', '2025-08-15', 5862, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000006', 2, 'E00000018', 'P0000006a', '2025-08-13', 10416, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000006', 3, 'E00000019', 'P0000006a', '2026-01-30', 148147, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 0, 'E00000020', 'P0000007b', '2025-11-07', 120445, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 1, 'E00000021', 'P0000007a', '2025-09-09', 2847, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 2, 'E00000022', 'P0000007b', '2026-01-30', 29758, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 3, 'E00000023', 'P0000007a', '2026-02-20', 31700, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 4, 'E00000024', 'P0000007b', '2025-11-14', 24359, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000007', 5, 'E00000025', 'P0000007a', '2025-10-02', 23268, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000008', 0, 'E00000026', 'P0000008a', '2026-04-11', 6681, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000008', 1, 'E00000027', 'P0000008a', '2025-09-29', 5993, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000008', 2, 'E00000028', 'P0000008a', '2025-11-27', 11807, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000008', 3, 'E00000029', 'P0000008a', '2025-09-28', 3193, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000008', 4, 'E00000030', 'P0000008b', '2025-08-26', 11677, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000009', 0, 'E00000031', 'P0000009a', '2025-10-05', 10897, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000009', 1, 'E00000032', 'P0000009b', '2026-02-28', 35313, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000010', 0, 'E00000033', 'P0000010b', '2025-11-20', 4299, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000010', 1, 'E00000034', 'P0000010a', '2025-10-28', 17217, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000010', 2, 'E00000035', 'P0000010a', '2025-12-25', 4523, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000010', 3, 'E00000036', 'P0000010a', '2025-12-21', 22532, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 0, 'E00000037', 'P0000011a', '2025-11-20', 8401, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 1, 'E00000038', 'P0000011a', '2026-03-17', 2864, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 2, 'E00000039', 'P0000011a', '2025-12-25', 28927, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 3, 'E00000040', 'P0000011b', '2026-01-07', 16128, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 4, 'E00000041', 'P0000011b', '2026-01-22', 31661, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 5, 'E00000042', 'P0000011b', '2026-02-18', 105412, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000011', 6, 'E00000043', 'P0000011b', '2026-02-07', 6919, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000012', 0, 'E00000044', 'P0000012a', '2025-09-11', 5502, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000012', 1, 'E00000045', 'P0000012b', '2026-05-01', 2403, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000012', 2, 'E00000046', 'P0000012a', '2025-10-25', 20306, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000013', 0, 'E00000047', 'P0000013a', '2026-01-15', 3036, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000013', 1, 'E00000048', 'P0000013a', '2025-09-04', 19364, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000013', 2, 'E00000049', 'P0000013b', '2026-01-03', 19871, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000013', 3, 'E00000050', 'P0000013b', '2025-09-02', 2958, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000013', 4, 'E00000051', 'P0000013a', '2026-02-26', 26889, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 0, 'E00000052', 'P0000014b', '2025-08-21', 44676, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 1, 'E00000053', 'P0000014b', '2025-09-20', 9508, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 2, 'E00000054', 'P0000014a', '2026-03-27', 642, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 3, 'E00000055', 'P0000014b', '2026-03-16', 24573, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 4, 'E00000056', 'P0000014a', '2025-10-11', 13849, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000014', 5, 'E00000057', 'P0000014a', '2026-05-06', 30053, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 0, 'E00000058', 'P0000015b', '2026-02-25', 9042, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 1, 'E00000059', 'P0000015b', '2026-04-28', 162150, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 2, 'E00000060', 'P0000015b', '2025-09-06', 9648, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 3, 'E00000061', 'P0000015b', '2025-10-17', 2920, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 4, 'E00000062', 'P0000015a', '2025-08-29', 6482, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 5, 'E00000063', 'P0000015b', '2026-03-27', 5860, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000015', 6, 'E00000064', 'P0000015b', '2025-08-17', 32435, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000016', 0, 'E00000065', 'P0000016b', '2025-09-26', 7808, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000016', 1, 'E00000067', 'P0000016a', '2025-09-20', 8166, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000016', 2, 'E00000068', 'P0000016a', '2026-01-04', 21403, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000016', 3, 'E00000069', 'P0000016a', '2025-10-26', 4512, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000016', 4, 'E00000070', 'P0000016a', '2025-09-11', 1924, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 0, 'E00000071', 'P0000017b', '2026-01-16', 3225, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 1, 'E00000072', 'P0000017b', '2025-08-27', 22188, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 2, 'E00000073', 'P0000017b', '2026-03-18', 7188, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 3, 'E00000074', 'P0000017a', '2025-10-23', 8748, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 4, 'E00000075', 'P0000017a', '2025-10-23', 8015, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000017', 5, 'E00000076', 'P0000017b', '2026-04-26', 9440, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000018', 0, 'E00000077', 'P0000018b', '2026-03-29', 2741, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 0, 'E00000078', 'P0000019a', '2026-01-01', 9026, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 1, 'E00000079', 'P0000019b', '2025-12-22', 19414, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 2, 'E00000080', 'P0000019b', '2026-01-04', 4497, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 3, 'E00000081', 'P0000019b', '2026-02-24', 39185, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 4, 'E00000082', 'P0000019a', '2025-08-23', 3959, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 5, 'E00000083', 'P0000019b', '2026-02-19', 24950, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000019', 6, 'E00000084', 'P0000019a', '2025-10-09', 8596, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000020', 0, 'E00000085', 'P0000020a', '2025-12-13', 103407, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000020', 1, 'E00000086', 'P0000020a', '2026-01-12', 6444, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000020', 2, 'E00000087', 'P0000020a', '2025-09-17', 14532, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000020', 3, 'E00000088', 'P0000020a', '2026-02-04', 36814, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000020', 4, 'E00000089', 'P0000020a', '2026-03-19', 12468, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000021', 0, 'E00000090', 'P0000021a', '2026-05-07', 24800, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000021', 1, 'E00000091', 'P0000021a', '2025-09-01', 18414, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000021', 2, 'E00000092', 'P0000021a', '2025-10-21', 3144, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000022', 0, 'E00000093', 'P0000022b', '2025-10-17', 72935, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000022', 1, 'E00000094', 'P0000022b', '2025-11-07', 6127, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000022', 2, 'E00000095', 'P0000022a', '2025-11-04', 279548, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000023', 0, 'E00000096', 'P0000023b', '2025-12-02', 979, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000023', 1, 'E00000097', 'P0000023b', '2026-02-01', 93068, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000023', 2, 'E00000098', 'P0000023b', '2025-11-10', 9472, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000023', 3, 'E00000099', 'P0000023b', '2026-03-13', 38792, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000024', 0, 'E00000100', 'P0000024a', '2025-09-04', 14386, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000024', 1, 'E00000101', 'P0000024b', '2025-10-04', 38730, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000024', 2, 'E00000102', 'P0000024a', '2026-04-15', 46633, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000024', 3, 'E00000103', 'P0000024a', '2026-02-02', 29246, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000025', 0, 'E00000104', 'P0000025b', '2026-02-20', 73608, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000025', 1, 'E00000105', 'P0000025b', '2026-01-26', 3322, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000026', 0, 'E00000106', 'P0000026b', '2025-09-23', 2640, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000026', 1, 'E00000107', 'P0000026b', '2025-11-03', 4889, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000026', 2, 'E00000108', 'P0000026b', '2026-01-15', 4315, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 0, 'E00000109', 'P0000027b', '2025-10-03', 26379, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 1, 'E00000110', 'P0000027a', '2026-05-01', 13453, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 2, 'E00000111', 'P0000027a', '2025-10-13', 4149, 3, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 3, 'E00000112', 'P0000027a', '2026-04-10', 7859, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 4, 'E00000113', 'P0000027b', '2025-08-20', 91396, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000027', 5, 'E00000114', 'P0000027a', '2026-02-20', 15820, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000028', 0, 'E00000115', 'P0000028b', '2026-04-18', 5569, 3, true);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000028', 1, 'E00000116', 'P0000028b', '2026-04-01', 9218, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000028', 2, 'E00000117', 'P0000028a', '2026-04-23', 7783, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000028', 3, 'E00000118', 'P0000028b', '2025-08-18', 4988, 2, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000028', 4, 'E00000119', 'P0000028a', '2026-02-20', 7668, 1, false);
INSERT INTO __schema__.statement_lines VALUES ('standard-2026-07-01-000029', 0, 'E00000120', 'P0000029a', '2025-12-06', 48462, 1, false);


--
-- Data for Name: statements; Type: TABLE DATA; Schema: __schema__; Owner: -
--

INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000001', 'standard-2026-06-01', 0, 'G0000001', NULL, '[]', 1, 'reminder', '["email"]', 73165, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000002', 'standard-2026-06-01', 1, 'G0000002', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 146920, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000003', 'standard-2026-06-01', 2, 'G0000003', NULL, '[]', 2, 'past_due', '["email","text"]', 9200, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000004', 'standard-2026-06-01', 3, 'G0000004', NULL, '[]', 2, 'past_due', '["email","text"]', 9780, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000005', 'standard-2026-06-01', 4, 'G0000005', NULL, '[]', 1, 'reminder', '["email"]', 15040, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000006', 'standard-2026-06-01', 5, 'G0000006', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 173676, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000007', 'standard-2026-06-01', 6, 'G0000007', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 232377, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000008', 'standard-2026-06-01', 7, 'G0000008', NULL, '[]', 2, 'past_due', '["email","text"]', 36158, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000009', 'standard-2026-06-01', 8, 'G0000009', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 46210, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000010', 'standard-2026-06-01', 9, 'G0000010', NULL, '[]', 1, 'reminder', '["email"]', 31354, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000011', 'standard-2026-06-01', 10, 'G0000011', NULL, '[]', 2, 'past_due', '["email","text"]', 86499, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000012', 'standard-2026-06-01', 11, 'G0000012', NULL, '[]', 2, 'past_due', '["email","text"]', 7905, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000013', 'standard-2026-06-01', 12, 'G0000013', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 45229, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000014', 'standard-2026-06-01', 13, 'G0000014', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 113793, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000015', 'standard-2026-06-01', 14, 'G0000015', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 170930, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000016', 'standard-2026-06-01', 15, 'G0000016', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 36005, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000017', 'standard-2026-06-01', 16, 'G0000017', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 46139, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000018', 'standard-2026-06-01', 17, 'G0000018', NULL, '[]', 1, 'reminder', '["email"]', 2741, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000019', 'standard-2026-06-01', 18, 'G0000019', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 100601, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000020', 'standard-2026-06-01', 19, 'G0000020', NULL, '[]', 2, 'past_due', '["email","text"]', 136851, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000021', 'standard-2026-06-01', 20, 'G0000021', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 46358, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000022', 'standard-2026-06-01', 21, 'G0000022', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 358610, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000023', 'standard-2026-06-01', 22, 'G0000023', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 94047, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000024', 'standard-2026-06-01', 23, 'G0000024', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 128995, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000025', 'standard-2026-06-01', 24, 'G0000025', NULL, '[]', 2, 'past_due', '["email","text"]', 76930, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000026', 'standard-2026-06-01', 25, 'G0000026', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 11844, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000027', 'standard-2026-06-01', 26, 'G0000027', NULL, '[]', 2, 'past_due', '["email","text"]', 132677, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000028', 'standard-2026-06-01', 27, 'G0000028', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 22570, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-06-01-000029', 'standard-2026-06-01', 28, 'G0000029', NULL, '[]', 1, 'reminder', '["email"]', 48462, '2026-06-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000001', 'standard-2026-07-01', 0, 'G0000001', NULL, '[]', 2, 'past_due', '["email","text"]', 73165, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000002', 'standard-2026-07-01', 1, 'G0000002', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 146920, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000003', 'standard-2026-07-01', 2, 'G0000003', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 9200, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000004', 'standard-2026-07-01', 3, 'G0000004', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 9780, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000005', 'standard-2026-07-01', 4, 'G0000005', NULL, '[]', 2, 'past_due', '["email","text"]', 15040, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000006', 'standard-2026-07-01', 5, 'G0000006', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 173676, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000007', 'standard-2026-07-01', 6, 'G0000007', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 232377, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000008', 'standard-2026-07-01', 7, 'G0000008', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 39351, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000009', 'standard-2026-07-01', 8, 'G0000009', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 46210, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000010', 'standard-2026-07-01', 9, 'G0000010', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 48571, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000011', 'standard-2026-07-01', 10, 'G0000011', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 200312, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000012', 'standard-2026-07-01', 11, 'G0000012', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 28211, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000013', 'standard-2026-07-01', 12, 'G0000013', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 72118, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000014', 'standard-2026-07-01', 13, 'G0000014', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 123301, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000015', 'standard-2026-07-01', 14, 'G0000015', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 228537, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000016', 'standard-2026-07-01', 15, 'G0000016', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 43813, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000017', 'standard-2026-07-01', 16, 'G0000017', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 58804, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000018', 'standard-2026-07-01', 17, 'G0000018', NULL, '[]', 2, 'past_due', '["email","text"]', 2741, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000019', 'standard-2026-07-01', 18, 'G0000019', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 109627, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000020', 'standard-2026-07-01', 19, 'G0000020', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 173665, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000021', 'standard-2026-07-01', 20, 'G0000021', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 46358, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000022', 'standard-2026-07-01', 21, 'G0000022', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 358610, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000023', 'standard-2026-07-01', 22, 'G0000023', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 142311, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000024', 'standard-2026-07-01', 23, 'G0000024', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 128995, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000025', 'standard-2026-07-01', 24, 'G0000025', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 76930, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000026', 'standard-2026-07-01', 25, 'G0000026', NULL, '[]', 2, 'past_due', '["email","text"]', 11844, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000027', 'standard-2026-07-01', 26, 'G0000027', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 159056, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000028', 'standard-2026-07-01', 27, 'G0000028', NULL, '[]', 3, 'final_notice', '["email","text","print"]', 35226, '2026-07-22');
INSERT INTO __schema__.statements VALUES ('standard-2026-07-01-000029', 'standard-2026-07-01', 28, 'G0000029', NULL, '[]', 1, 'reminder', '["email"]', 48462, '2026-07-22');


--
-- Data for Name: users; Type: TABLE DATA; Schema: __schema__; Owner: -
--



--
-- Name: adjustments_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.adjustments_id_seq', 1, false);


--
-- Name: batch_deletions_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.batch_deletions_id_seq', 1, false);


--
-- Name: notification_history_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.notification_history_id_seq', 199, true);


--
-- Name: notifications_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.notifications_id_seq', 150, true);


--
-- Name: opt_outs_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.opt_outs_id_seq', 1, false);


--
-- Name: payments_id_seq; Type: SEQUENCE SET; Schema: __schema__; Owner: -
--

SELECT pg_catalog.setval('__schema__.payments_id_seq', 36, true);


--
-- Name: adjustments adjustments_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.adjustments
    ADD CONSTRAINT adjustments_pkey PRIMARY KEY (id);


--
-- Name: batch_changes batch_changes_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_changes
    ADD CONSTRAINT batch_changes_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batch_deletions batch_deletions_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_deletions
    ADD CONSTRAINT batch_deletions_pkey PRIMARY KEY (id);


--
-- Name: batch_encounters_before batch_encounters_before_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_encounters_before
    ADD CONSTRAINT batch_encounters_before_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batch_pre_collections batch_pre_collections_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_pre_collections
    ADD CONSTRAINT batch_pre_collections_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batch_reviewed_payments batch_reviewed_payments_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_reviewed_payments
    ADD CONSTRAINT batch_reviewed_payments_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batch_skips batch_skips_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_skips
    ADD CONSTRAINT batch_skips_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batch_traces batch_traces_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_traces
    ADD CONSTRAINT batch_traces_pkey PRIMARY KEY (batch_id, seq);


--
-- Name: batches batches_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batches
    ADD CONSTRAINT batches_pkey PRIMARY KEY (id);


--
-- Name: channel_rates channel_rates_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.channel_rates
    ADD CONSTRAINT channel_rates_pkey PRIMARY KEY (key);


--
-- Name: encounters encounters_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.encounters
    ADD CONSTRAINT encounters_pkey PRIMARY KEY (id);


--
-- Name: guarantors guarantors_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.guarantors
    ADD CONSTRAINT guarantors_pkey PRIMARY KEY (id);


--
-- Name: meta meta_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.meta
    ADD CONSTRAINT meta_pkey PRIMARY KEY (key);


--
-- Name: notification_history notification_history_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notification_history
    ADD CONSTRAINT notification_history_pkey PRIMARY KEY (id);


--
-- Name: notifications notifications_idempotency_key_key; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notifications
    ADD CONSTRAINT notifications_idempotency_key_key UNIQUE (idempotency_key);


--
-- Name: notifications notifications_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notifications
    ADD CONSTRAINT notifications_pkey PRIMARY KEY (id);


--
-- Name: opt_outs opt_outs_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.opt_outs
    ADD CONSTRAINT opt_outs_pkey PRIMARY KEY (id);


--
-- Name: payments payments_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.payments
    ADD CONSTRAINT payments_pkey PRIMARY KEY (id);


--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);


--
-- Name: rules_versions rules_versions_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.rules_versions
    ADD CONSTRAINT rules_versions_pkey PRIMARY KEY (content_hash);


--
-- Name: statement_lines statement_lines_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.statement_lines
    ADD CONSTRAINT statement_lines_pkey PRIMARY KEY (statement_id, seq);


--
-- Name: statements statements_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.statements
    ADD CONSTRAINT statements_pkey PRIMARY KEY (id);


--
-- Name: batches uq_batches_profile_run_date; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batches
    ADD CONSTRAINT uq_batches_profile_run_date UNIQUE (profile_id, run_date);


--
-- Name: notifications uq_notifications_statement_channel; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notifications
    ADD CONSTRAINT uq_notifications_statement_channel UNIQUE (statement_id, channel);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (name);


--
-- Name: ix_adjustments_encounter_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_adjustments_encounter_id ON __schema__.adjustments USING btree (encounter_id);


--
-- Name: ix_batch_deletions_profile_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_batch_deletions_profile_id ON __schema__.batch_deletions USING btree (profile_id);


--
-- Name: ix_batch_skips_batch_reason; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_batch_skips_batch_reason ON __schema__.batch_skips USING btree (batch_id, reason);


--
-- Name: ix_batch_traces_guarantor_batch; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_batch_traces_guarantor_batch ON __schema__.batch_traces USING btree (guarantor_id, batch_id, seq);


--
-- Name: ix_encounters_guarantor_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_encounters_guarantor_id ON __schema__.encounters USING btree (guarantor_id);


--
-- Name: ix_encounters_profile; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_encounters_profile ON __schema__.encounters USING btree (profile);


--
-- Name: ix_encounters_worklist; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_encounters_worklist ON __schema__.encounters USING btree (status, id, profile, guarantor_id, balance_cents);


--
-- Name: ix_notification_history_notification_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notification_history_notification_id ON __schema__.notification_history USING btree (notification_id);


--
-- Name: ix_notifications_batch_channel_status; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_batch_channel_status ON __schema__.notifications USING btree (batch_id, channel, status);


--
-- Name: ix_notifications_batch_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_batch_id ON __schema__.notifications USING btree (batch_id, id);


--
-- Name: ix_notifications_guarantor_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_guarantor_id ON __schema__.notifications USING btree (guarantor_id);


--
-- Name: ix_notifications_needs_staff; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_needs_staff ON __schema__.notifications USING btree (status, id) WHERE (((status)::text = 'error'::text) OR ((status)::text = 'unknown'::text));


--
-- Name: ix_notifications_other_kinds; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_other_kinds ON __schema__.notifications USING btree (kind, id) WHERE (((kind)::text = 'proof'::text) OR ((kind)::text = 'on_demand'::text));


--
-- Name: ix_notifications_scheduled_channel_due; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_scheduled_channel_due ON __schema__.notifications USING btree (channel, next_attempt_at, id) WHERE ((status)::text = 'scheduled'::text);


--
-- Name: ix_notifications_scheduled_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_scheduled_id ON __schema__.notifications USING btree (id) WHERE ((status)::text = 'scheduled'::text);


--
-- Name: ix_notifications_sending_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_sending_id ON __schema__.notifications USING btree (id) WHERE ((status)::text = 'sending'::text);


--
-- Name: ix_notifications_sending_lease; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_sending_lease ON __schema__.notifications USING btree (lease_expires_at) WHERE ((status)::text = 'sending'::text);


--
-- Name: ix_notifications_sent_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_sent_id ON __schema__.notifications USING btree (id) WHERE ((status)::text = 'sent'::text);


--
-- Name: ix_notifications_set_aside; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_set_aside ON __schema__.notifications USING btree (status, id) WHERE (((status)::text = 'canceled'::text) OR ((status)::text = 'suppressed'::text) OR ((status)::text = 'superseded'::text));


--
-- Name: ix_notifications_superseded_by; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_notifications_superseded_by ON __schema__.notifications USING btree (superseded_by) WHERE (superseded_by IS NOT NULL);


--
-- Name: ix_opt_outs_guarantor_channel; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_opt_outs_guarantor_channel ON __schema__.opt_outs USING btree (guarantor_id, channel);


--
-- Name: ix_payments_encounter_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_payments_encounter_id ON __schema__.payments USING btree (encounter_id);


--
-- Name: ix_payments_reviewed_batch; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_payments_reviewed_batch ON __schema__.payments USING btree (reviewed_batch);


--
-- Name: ix_statement_lines_encounter_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_statement_lines_encounter_id ON __schema__.statement_lines USING btree (encounter_id);


--
-- Name: ix_statements_batch_seq; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_statements_batch_seq ON __schema__.statements USING btree (batch_id, seq, level);


--
-- Name: ix_statements_guarantor_batch; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE INDEX ix_statements_guarantor_batch ON __schema__.statements USING btree (guarantor_id, batch_id, seq);


--
-- Name: ux_adjustments_external_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE UNIQUE INDEX ux_adjustments_external_id ON __schema__.adjustments USING btree (external_id);


--
-- Name: ux_payments_external_id; Type: INDEX; Schema: __schema__; Owner: -
--

CREATE UNIQUE INDEX ux_payments_external_id ON __schema__.payments USING btree (external_id);


--
-- Name: adjustments adjustments_encounter_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.adjustments
    ADD CONSTRAINT adjustments_encounter_id_fkey FOREIGN KEY (encounter_id) REFERENCES __schema__.encounters(id);


--
-- Name: batch_changes batch_changes_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_changes
    ADD CONSTRAINT batch_changes_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batch_deletions batch_deletions_rules_hash_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_deletions
    ADD CONSTRAINT batch_deletions_rules_hash_fkey FOREIGN KEY (rules_hash) REFERENCES __schema__.rules_versions(content_hash);


--
-- Name: batch_encounters_before batch_encounters_before_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_encounters_before
    ADD CONSTRAINT batch_encounters_before_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batch_pre_collections batch_pre_collections_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_pre_collections
    ADD CONSTRAINT batch_pre_collections_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batch_reviewed_payments batch_reviewed_payments_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_reviewed_payments
    ADD CONSTRAINT batch_reviewed_payments_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batch_skips batch_skips_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_skips
    ADD CONSTRAINT batch_skips_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batch_traces batch_traces_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batch_traces
    ADD CONSTRAINT batch_traces_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- Name: batches batches_rules_hash_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.batches
    ADD CONSTRAINT batches_rules_hash_fkey FOREIGN KEY (rules_hash) REFERENCES __schema__.rules_versions(content_hash);


--
-- Name: encounters encounters_guarantor_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.encounters
    ADD CONSTRAINT encounters_guarantor_id_fkey FOREIGN KEY (guarantor_id) REFERENCES __schema__.guarantors(id);


--
-- Name: notification_history notification_history_notification_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.notification_history
    ADD CONSTRAINT notification_history_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES __schema__.notifications(id);


--
-- Name: payments payments_encounter_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.payments
    ADD CONSTRAINT payments_encounter_id_fkey FOREIGN KEY (encounter_id) REFERENCES __schema__.encounters(id);


--
-- Name: statement_lines statement_lines_statement_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.statement_lines
    ADD CONSTRAINT statement_lines_statement_id_fkey FOREIGN KEY (statement_id) REFERENCES __schema__.statements(id);


--
-- Name: statements statements_batch_id_fkey; Type: FK CONSTRAINT; Schema: __schema__; Owner: -
--

ALTER TABLE ONLY __schema__.statements
    ADD CONSTRAINT statements_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES __schema__.batches(id);


--
-- PostgreSQL database dump complete
--


