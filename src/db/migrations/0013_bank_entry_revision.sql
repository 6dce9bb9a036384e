ALTER TABLE "collectives" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "collective_bank_entries" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;