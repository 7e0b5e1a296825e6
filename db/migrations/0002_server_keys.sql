CREATE TABLE "server_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"server_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "server_keys" ADD CONSTRAINT "server_keys_server_id_servers_id_fk" FOREIGN KEY ("server_id") REFERENCES "public"."servers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "server_keys_server_idx" ON "server_keys" USING btree ("server_id");