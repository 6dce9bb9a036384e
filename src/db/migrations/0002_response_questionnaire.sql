ALTER TABLE "responses" ADD COLUMN "questionnaire_id" uuid;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
UPDATE "responses" r SET "questionnaire_id" = c."questionnaire_id" FROM "campaigns" c WHERE c."id" = r."campaign_id";
