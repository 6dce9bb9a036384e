CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"user_name" text DEFAULT '' NOT NULL,
	"framework_id" uuid,
	"collective_id" uuid,
	"organisation_id" uuid,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_ballots" (
	"vote_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"choice" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_ballots_vote_id_organisation_id_pk" PRIMARY KEY("vote_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "framework_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"proposal_id" uuid,
	"organisation_id" uuid,
	"user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"action" text NOT NULL,
	"target" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"quorum_percent" integer NOT NULL,
	"electorate" uuid[] NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "organisation_adoptions" (
	"organisation_id" uuid NOT NULL,
	"collective_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"adopted_by" uuid,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_adoptions_organisation_id_collective_id_pk" PRIMARY KEY("organisation_id","collective_id")
);
--> statement-breakpoint
DROP INDEX "framework_versions_one_draft";--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "decision_rule" text DEFAULT 'consensus' NOT NULL;--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "quorum_percent" integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "disaggregations" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "definition_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Same format as definitionKey() in src/domain/definitions.ts ("C" order = code-unit order).
UPDATE "indicators" SET "definition_key" = ("computation"->>'type') || ':' || CASE WHEN "computation"->>'type' = 'share' THEN coalesce((SELECT string_agg(o, ',' ORDER BY o COLLATE "C") FROM unnest("share_options") o), '') ELSE '' END || '|';--> statement-breakpoint
ALTER TABLE "indicators" ALTER COLUMN "definition_key" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "toc_nodes" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "activity_figures" ADD COLUMN "definition" text DEFAULT 'sum:|' NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "previous_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "indicator_definition" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_collective_id_collectives_id_fk" FOREIGN KEY ("collective_id") REFERENCES "public"."collectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_ballots" ADD CONSTRAINT "framework_ballots_vote_id_framework_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."framework_votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_ballots" ADD CONSTRAINT "framework_ballots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_ballots" ADD CONSTRAINT "framework_ballots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_proposal_id_framework_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."framework_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_comments" ADD CONSTRAINT "framework_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_proposals" ADD CONSTRAINT "framework_proposals_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_proposals" ADD CONSTRAINT "framework_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_proposals" ADD CONSTRAINT "framework_proposals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_proposals" ADD CONSTRAINT "framework_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_votes" ADD CONSTRAINT "framework_votes_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_votes" ADD CONSTRAINT "framework_votes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_votes" ADD CONSTRAINT "framework_votes_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_adoptions" ADD CONSTRAINT "organisation_adoptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_adoptions" ADD CONSTRAINT "organisation_adoptions_collective_id_collectives_id_fk" FOREIGN KEY ("collective_id") REFERENCES "public"."collectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_adoptions" ADD CONSTRAINT "organisation_adoptions_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_adoptions" ADD CONSTRAINT "organisation_adoptions_adopted_by_users_id_fk" FOREIGN KEY ("adopted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_framework_idx" ON "audit_events" USING btree ("framework_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_idx" ON "audit_events" USING btree ("organisation_id","at");--> statement-breakpoint
CREATE INDEX "framework_comments_framework_idx" ON "framework_comments" USING btree ("framework_id","created_at");--> statement-breakpoint
CREATE INDEX "framework_proposals_framework_idx" ON "framework_proposals" USING btree ("framework_id","created_at");--> statement-breakpoint
CREATE INDEX "framework_votes_version_idx" ON "framework_votes" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_votes_one_open" ON "framework_votes" USING btree ("version_id") WHERE closed_at is null;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_previous_id_questionnaires_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."questionnaires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft" ON "framework_versions" USING btree ("framework_id") WHERE status in ('draft', 'proposed');--> statement-breakpoint
-- Questions and figures made before definitions were tracked belong to the definition in force:
-- the latest adopted one, or the draft's when the indicator was never adopted.
UPDATE "questions" q SET "indicator_definition" = (
  SELECT i."definition_key" FROM "indicators" i JOIN "framework_versions" v ON v."id" = i."version_id"
  WHERE v."framework_id" = q."indicator_framework_id" AND i."code" = q."indicator_code"
  ORDER BY (v."status" = 'adopted') DESC, v."number" DESC LIMIT 1
) WHERE q."indicator_code" IS NOT NULL;--> statement-breakpoint
UPDATE "activity_figures" f SET "definition" = coalesce((
  SELECT i."definition_key" FROM "indicators" i JOIN "framework_versions" v ON v."id" = i."version_id"
  WHERE v."framework_id" = f."framework_id" AND i."code" = f."indicator_code"
  ORDER BY (v."status" = 'adopted') DESC, v."number" DESC LIMIT 1
), 'sum:|');