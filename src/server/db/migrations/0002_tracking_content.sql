CREATE TABLE "brief" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"campaign" text,
	"current_version" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "brief_version" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"brief_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_alert" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"code_id" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"resolution" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_code" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"retired_reason" text,
	"retired_at" timestamp with time zone,
	"external_ref" jsonb,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_file" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"round_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "media_file_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "review_comment" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"round_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"span_start" integer,
	"span_end" integer,
	"quote" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"brief_id" text,
	"platform" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"current_round" integer NOT NULL,
	"planned_at" timestamp with time zone,
	"post_url" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_round" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"round" integer NOT NULL,
	"caption" text NOT NULL,
	"brief_version" integer,
	"compliance" jsonb NOT NULL,
	"compliance_passed" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decision_note" text,
	"override_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "api_key" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" text,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_key_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "order_refund" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"external_order_id" text NOT NULL,
	"order_id" text,
	"amount_minor" bigint DEFAULT 0 NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_connection" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"secret" text,
	"shop_domain" text,
	"admin_token" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_order" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"external_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"customer_email" text,
	"codes" jsonb NOT NULL,
	"click_id" text,
	"landing_url" text,
	"referrer_domain" text,
	"cancelled_at" timestamp with time zone,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"ambassador_id" text,
	"method" text,
	"evidence" jsonb,
	"reason" text,
	"rejected_reason" text,
	"credited_minor" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"connection_id" text NOT NULL,
	"topic" text NOT NULL,
	"external_id" text,
	"status" text NOT NULL,
	"http_status" integer NOT NULL,
	"detail" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "asset" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"program_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"platform" text NOT NULL,
	"format" text NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asset_submission_id_unique" UNIQUE("submission_id")
);
--> statement-breakpoint
CREATE TABLE "cadence_reminder" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"month" text NOT NULL,
	"outbox_message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listened_post" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"platform" text NOT NULL,
	"handle" text NOT NULL,
	"url" text NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"posted_at" timestamp with time zone,
	"ambassador_id" text,
	"submission_id" text,
	"matched_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_metrics" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"submission_id" text NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"likes" integer,
	"comments" integer,
	"shares" integer,
	"saves" integer,
	"views" integer,
	"reach" integer,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_right" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"channel" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"granted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "click" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"program_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"is_bot" boolean NOT NULL,
	"is_unique" boolean NOT NULL,
	"device" text,
	"os" text,
	"browser" text,
	"referrer_domain" text,
	"visitor_hash" text NOT NULL,
	"country" text
);
--> statement-breakpoint
CREATE TABLE "click_daily" (
	"workspace_id" text NOT NULL,
	"link_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"program_id" text NOT NULL,
	"day" date NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	"bot_clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "click_daily_link_id_day_pk" PRIMARY KEY("link_id","day")
);
--> statement-breakpoint
CREATE TABLE "link" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"slug" text NOT NULL,
	"destination" text NOT NULL,
	"campaign" text,
	"disabled_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "tracking_settings" (
	"program_id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"allowed_domains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"utm_template" jsonb NOT NULL,
	"attribution_rules" jsonb NOT NULL,
	"code_pattern" text DEFAULT '{HANDLE}{PERCENT}' NOT NULL,
	"code_percent" text DEFAULT '15' NOT NULL,
	"code_description" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "brief" ADD CONSTRAINT "brief_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief" ADD CONSTRAINT "brief_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_version" ADD CONSTRAINT "brief_version_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_version" ADD CONSTRAINT "brief_version_brief_id_brief_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."brief"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brief_version" ADD CONSTRAINT "brief_version_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_alert" ADD CONSTRAINT "code_alert_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_alert" ADD CONSTRAINT "code_alert_code_id_discount_code_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."discount_code"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_code" ADD CONSTRAINT "discount_code_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_code" ADD CONSTRAINT "discount_code_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discount_code" ADD CONSTRAINT "discount_code_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_file" ADD CONSTRAINT "media_file_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_file" ADD CONSTRAINT "media_file_round_id_submission_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."submission_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_round_id_submission_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."submission_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission" ADD CONSTRAINT "submission_brief_id_brief_id_fk" FOREIGN KEY ("brief_id") REFERENCES "public"."brief"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_round" ADD CONSTRAINT "submission_round_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_round" ADD CONSTRAINT "submission_round_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_round" ADD CONSTRAINT "submission_round_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_connection_id_store_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."store_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund" ADD CONSTRAINT "order_refund_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund" ADD CONSTRAINT "order_refund_connection_id_store_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."store_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund" ADD CONSTRAINT "order_refund_order_id_store_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."store_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_connection" ADD CONSTRAINT "store_connection_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_connection" ADD CONSTRAINT "store_connection_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_order" ADD CONSTRAINT "store_order_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_order" ADD CONSTRAINT "store_order_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_order" ADD CONSTRAINT "store_order_connection_id_store_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."store_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_order" ADD CONSTRAINT "store_order_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD CONSTRAINT "webhook_delivery_connection_id_store_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."store_connection"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset" ADD CONSTRAINT "asset_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset" ADD CONSTRAINT "asset_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset" ADD CONSTRAINT "asset_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset" ADD CONSTRAINT "asset_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_reminder" ADD CONSTRAINT "cadence_reminder_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_reminder" ADD CONSTRAINT "cadence_reminder_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listened_post" ADD CONSTRAINT "listened_post_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listened_post" ADD CONSTRAINT "listened_post_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listened_post" ADD CONSTRAINT "listened_post_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_metrics" ADD CONSTRAINT "post_metrics_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_metrics" ADD CONSTRAINT "post_metrics_submission_id_submission_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submission"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_right" ADD CONSTRAINT "usage_right_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_right" ADD CONSTRAINT "usage_right_asset_id_asset_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."asset"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "click" ADD CONSTRAINT "click_link_id_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "click_daily" ADD CONSTRAINT "click_daily_link_id_link_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."link"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link" ADD CONSTRAINT "link_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link" ADD CONSTRAINT "link_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link" ADD CONSTRAINT "link_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_settings" ADD CONSTRAINT "tracking_settings_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracking_settings" ADD CONSTRAINT "tracking_settings_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brief_program_idx" ON "brief" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "brief_version_uq" ON "brief_version" USING btree ("brief_id","version");--> statement-breakpoint
CREATE INDEX "code_alert_workspace_idx" ON "code_alert" USING btree ("workspace_id","resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "discount_code_workspace_code_uq" ON "discount_code" USING btree ("workspace_id",upper("code"));--> statement-breakpoint
CREATE INDEX "discount_code_ambassador_idx" ON "discount_code" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "media_file_round_idx" ON "media_file" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "review_comment_round_idx" ON "review_comment" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "submission_program_status_idx" ON "submission" USING btree ("program_id","status");--> statement-breakpoint
CREATE INDEX "submission_ambassador_idx" ON "submission" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "submission_workspace_status_idx" ON "submission" USING btree ("workspace_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_post_url_uq" ON "submission" USING btree ("workspace_id","post_url");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_round_uq" ON "submission_round" USING btree ("submission_id","round");--> statement-breakpoint
CREATE INDEX "api_key_workspace_idx" ON "api_key" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "order_refund_connection_external_uq" ON "order_refund" USING btree ("connection_id","kind","external_id");--> statement-breakpoint
CREATE INDEX "order_refund_pending_idx" ON "order_refund" USING btree ("connection_id","external_order_id");--> statement-breakpoint
CREATE INDEX "store_connection_workspace_idx" ON "store_connection" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_order_connection_external_uq" ON "store_order" USING btree ("connection_id","external_id");--> statement-breakpoint
CREATE INDEX "store_order_program_at_idx" ON "store_order" USING btree ("program_id","occurred_at");--> statement-breakpoint
CREATE INDEX "store_order_ambassador_at_idx" ON "store_order" USING btree ("ambassador_id","occurred_at");--> statement-breakpoint
CREATE INDEX "webhook_delivery_connection_idx" ON "webhook_delivery" USING btree ("connection_id","received_at");--> statement-breakpoint
CREATE INDEX "asset_workspace_published_idx" ON "asset" USING btree ("workspace_id","published_at");--> statement-breakpoint
CREATE INDEX "asset_ambassador_idx" ON "asset" USING btree ("ambassador_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadence_reminder_uq" ON "cadence_reminder" USING btree ("ambassador_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "listened_post_url_uq" ON "listened_post" USING btree ("workspace_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "post_metrics_submission_captured_uq" ON "post_metrics" USING btree ("submission_id","captured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_right_asset_channel_uq" ON "usage_right" USING btree ("asset_id","channel");--> statement-breakpoint
CREATE INDEX "click_link_at_idx" ON "click" USING btree ("link_id","at");--> statement-breakpoint
CREATE INDEX "click_daily_program_day_idx" ON "click_daily" USING btree ("program_id","day");--> statement-breakpoint
CREATE INDEX "click_daily_ambassador_day_idx" ON "click_daily" USING btree ("ambassador_id","day");--> statement-breakpoint
CREATE INDEX "click_daily_workspace_idx" ON "click_daily" USING btree ("workspace_id","day" desc);--> statement-breakpoint
CREATE INDEX "link_ambassador_idx" ON "link" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "link_program_idx" ON "link" USING btree ("program_id");