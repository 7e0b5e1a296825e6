CREATE TABLE "llm_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"classifier_version" text NOT NULL,
	"model" text NOT NULL,
	"prompt_version" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "llm_reviews_key_uq" ON "llm_reviews" USING btree ("hash","classifier_version","model","prompt_version");