CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"commune_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_partials" (
	"framework_id" uuid NOT NULL,
	"period" text NOT NULL,
	"dimension" text NOT NULL,
	"indicator_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"definition" text NOT NULL,
	"cell" text NOT NULL,
	"n_num" integer NOT NULL,
	"n_options" integer NOT NULL,
	"n_all" integer NOT NULL,
	"hits" integer NOT NULL,
	"sum" double precision NOT NULL,
	"sum_squares" double precision NOT NULL,
	CONSTRAINT "indicator_partials_pk" PRIMARY KEY("framework_id","period","dimension","indicator_code","organisation_id","definition","cell")
);
--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "public_suppression_threshold" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "territory_level" text;--> statement-breakpoint
ALTER TABLE "collectives" ADD COLUMN "territory_code" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "commune_code" text;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_partials" ADD CONSTRAINT "indicator_partials_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_partials" ADD CONSTRAINT "indicator_partials_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sites_org_idx" ON "sites" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "indicator_partials_trend_idx" ON "indicator_partials" USING btree ("framework_id","indicator_code","dimension");--> statement-breakpoint
CREATE INDEX "indicator_partials_org_idx" ON "indicator_partials" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Responses already stored count for their organisation's commune.
UPDATE "responses" r SET "commune_code" = o."commune_code" FROM "organisations" o WHERE o."id" = r."organisation_id";--> statement-breakpoint
-- The partial sums of every answer already stored (the same query as rebuildPartials in
-- src/server/features/results/partials-repository.ts at the time of this migration).
INSERT INTO "indicator_partials" (framework_id, period, dimension, indicator_code, organisation_id, definition, cell, n_num, n_options, n_all, hits, sum, sum_squares)
WITH a AS (
  SELECT r.id AS response_id, r.organisation_id, r.period, r.commune_code,
    q.indicator_framework_id AS framework_id, q.indicator_code AS code, q.indicator_definition AS definition,
    q.type, a.options, a.num,
    string_to_array(nullif(split_part(split_part(q.indicator_definition, ':', 2), '|', 1), ''), ',') AS share_options
  FROM responses r
  JOIN answers a ON a.response_id = r.id
  JOIN questions q ON q.id = a.question_id
  WHERE q.indicator_framework_id IS NOT NULL AND q.indicator_code IS NOT NULL AND q.indicator_definition IS NOT NULL
),
breakdowns AS (
  SELECT response_id, framework_id::text || ':' || code AS dimension, options[1] AS cell
  FROM a WHERE type = 'single' AND cardinality(options) = 1
),
cells AS (
  SELECT a.*, '' AS dimension, '' AS cell FROM a
  UNION ALL
  SELECT a.*, 'commune', a.commune_code FROM a WHERE a.commune_code IS NOT NULL
  UNION ALL
  SELECT a.*, b.dimension, b.cell FROM a JOIN breakdowns b ON b.response_id = a.response_id
)
SELECT framework_id, period, dimension, code, organisation_id, definition, cell,
  count(num)::int, count(options)::int, count(*)::int,
  (count(*) FILTER (WHERE options && share_options))::int,
  coalesce(sum(num), 0)::float8, coalesce(sum(num * num), 0)::float8
FROM cells
GROUP BY framework_id, period, dimension, code, organisation_id, definition, cell;
