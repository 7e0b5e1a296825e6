ALTER TABLE "classifications" ADD COLUMN "confirmed_by" text;--> statement-breakpoint
ALTER TABLE "classifications" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "classifications_confirmed_idx" ON "classifications" USING btree ("tool_version_id","confirmed_by");