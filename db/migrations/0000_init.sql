CREATE TABLE "classifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"tool_version_id" integer NOT NULL,
	"classifier_version" text NOT NULL,
	"method" text NOT NULL,
	"model" text,
	"prompt_version" text,
	"category" text NOT NULL,
	"risk" text NOT NULL,
	"confidence" real NOT NULL,
	"rationale" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"findings" jsonb NOT NULL,
	"policy" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crawl_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"server_id" integer NOT NULL,
	"status" text NOT NULL,
	"error_kind" text,
	"error" text,
	"tool_count" integer,
	"duration_ms" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crawl_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"options" jsonb NOT NULL,
	"checkpoint" jsonb,
	"summary" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "server_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"source" text NOT NULL,
	"source_key" text NOT NULL,
	"raw" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "servers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"title" text,
	"description" text,
	"version" text,
	"repository_url" text,
	"website_url" text,
	"status" text DEFAULT 'active' NOT NULL,
	"runtime" text DEFAULT 'unknown' NOT NULL,
	"package_identifier" text,
	"package_version" text,
	"transport" text,
	"launch" jsonb,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_listed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tool_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tool_id" integer NOT NULL,
	"hash" text NOT NULL,
	"definition" jsonb NOT NULL,
	"parse_issues" jsonb,
	"observed_via" text DEFAULT 'live' NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" serial PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"current_version_id" integer,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "classifications" ADD CONSTRAINT "classifications_tool_version_id_tool_versions_id_fk" FOREIGN KEY ("tool_version_id") REFERENCES "public"."tool_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD CONSTRAINT "crawl_attempts_run_id_crawl_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."crawl_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crawl_attempts" ADD CONSTRAINT "crawl_attempts_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "server_sources" ADD CONSTRAINT "server_sources_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_versions" ADD CONSTRAINT "tool_versions_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools" ADD CONSTRAINT "tools_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "classifications_version_uq" ON "classifications" USING btree ("tool_version_id","classifier_version");--> statement-breakpoint
CREATE INDEX "classifications_category_idx" ON "classifications" USING btree ("category");--> statement-breakpoint
CREATE INDEX "classifications_risk_idx" ON "classifications" USING btree ("risk");--> statement-breakpoint
CREATE UNIQUE INDEX "crawl_attempts_run_server_uq" ON "crawl_attempts" USING btree ("run_id","server_id");--> statement-breakpoint
CREATE INDEX "crawl_attempts_status_idx" ON "crawl_attempts" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "server_sources_key_uq" ON "server_sources" USING btree ("source","source_key");--> statement-breakpoint
CREATE INDEX "server_sources_server_idx" ON "server_sources" USING btree ("server_id");--> statement-breakpoint
CREATE UNIQUE INDEX "servers_name_uq" ON "servers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "servers_slug_uq" ON "servers" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "servers_package_idx" ON "servers" USING btree ("package_identifier");--> statement-breakpoint
CREATE INDEX "servers_repository_idx" ON "servers" USING btree ("repository_url");--> statement-breakpoint
CREATE UNIQUE INDEX "tool_versions_tool_hash_uq" ON "tool_versions" USING btree ("tool_id","hash");--> statement-breakpoint
CREATE INDEX "tool_versions_hash_idx" ON "tool_versions" USING btree ("hash");--> statement-breakpoint
CREATE UNIQUE INDEX "tools_server_name_uq" ON "tools" USING btree ("server_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tools_server_slug_uq" ON "tools" USING btree ("server_id","slug");