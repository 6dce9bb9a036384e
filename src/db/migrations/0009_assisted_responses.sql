ALTER TABLE "responses" ADD COLUMN "assisted" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;