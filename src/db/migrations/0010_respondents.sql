CREATE TABLE "campaign_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"answered_on" date,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "audience" text DEFAULT 'beneficiaries' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "invitation_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "pairing" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "paired_with_campaign_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "pairing_code_optional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_invitations" ADD CONSTRAINT "campaign_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitations_token_key" ON "campaign_invitations" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_invitations_email_key" ON "campaign_invitations" USING btree ("campaign_id","email");--> statement-breakpoint
CREATE INDEX "campaign_invitations_campaign_idx" ON "campaign_invitations" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairing_codes_campaign_code_key" ON "pairing_codes" USING btree ("campaign_id","code");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_paired_with_campaign_id_campaigns_id_fk" FOREIGN KEY ("paired_with_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;