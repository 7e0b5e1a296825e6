ALTER TABLE "crawl_attempts" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD COLUMN "declared_version" text;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD COLUMN "listed_version" text;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD COLUMN "entry_point" text;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD COLUMN "command_line" text;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD COLUMN "network_mode" text;--> statement-breakpoint
ALTER TABLE "tool_versions" ADD COLUMN "declared_version" text;--> statement-breakpoint
ALTER TABLE "tool_versions" ADD COLUMN "listed_version" text;