CREATE TABLE "crosswalks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"rule" jsonb NOT NULL,
	"indicator_definition" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crosswalks" ADD CONSTRAINT "crosswalks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosswalks" ADD CONSTRAINT "crosswalks_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosswalks" ADD CONSTRAINT "crosswalks_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crosswalks" ADD CONSTRAINT "crosswalks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crosswalks_question_indicator_key" ON "crosswalks" USING btree ("question_id","framework_id","indicator_code");--> statement-breakpoint
CREATE INDEX "crosswalks_org_idx" ON "crosswalks" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "crosswalks_indicator_idx" ON "crosswalks" USING btree ("framework_id","indicator_code");