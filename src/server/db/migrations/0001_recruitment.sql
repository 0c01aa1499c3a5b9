CREATE TABLE "application" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"answers" jsonb NOT NULL,
	"handles" jsonb NOT NULL,
	"consent_text" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"source" text DEFAULT 'form' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_review" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"ambassador_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"abstained" boolean DEFAULT false NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rubric" jsonb NOT NULL,
	"weighted_score" real,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_message" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"template_id" text,
	"creator_id" text NOT NULL,
	"program_id" text,
	"ambassador_id" text,
	"kind" text NOT NULL,
	"thread_id" text,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"outbox_message_id" text,
	"sent_by" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replied_at" timestamp with time zone,
	"reply_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_template" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"offer" jsonb NOT NULL,
	"follow_up_days" integer,
	"follow_up_body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_list" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"program_id" text,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_list_entry" (
	"list_id" text NOT NULL,
	"creator_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_list_entry_list_id_creator_id_pk" PRIMARY KEY("list_id","creator_id")
);
--> statement-breakpoint
CREATE TABLE "vetting_flag_override" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"report_id" text NOT NULL,
	"flag_key" text NOT NULL,
	"reason" text NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program" ADD COLUMN "application_form" jsonb DEFAULT '{"open":false,"headline":"","intro":"","questions":[],"consentText":"I agree that the brand may store my answers and contact me about this program.","accentColor":"#7048e8"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "program" ADD COLUMN "rubric" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review" ADD CONSTRAINT "application_review_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review" ADD CONSTRAINT "application_review_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review" ADD CONSTRAINT "application_review_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_template_id_outreach_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."outreach_template"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_ambassador_id_ambassador_id_fk" FOREIGN KEY ("ambassador_id") REFERENCES "public"."ambassador"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_outbox_message_id_outbox_message_id_fk" FOREIGN KEY ("outbox_message_id") REFERENCES "public"."outbox_message"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_message" ADD CONSTRAINT "outreach_message_sent_by_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_template" ADD CONSTRAINT "outreach_template_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_template" ADD CONSTRAINT "outreach_template_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_list" ADD CONSTRAINT "prospect_list_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_list" ADD CONSTRAINT "prospect_list_program_id_program_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."program"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_list_entry" ADD CONSTRAINT "prospect_list_entry_list_id_prospect_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."prospect_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_list_entry" ADD CONSTRAINT "prospect_list_entry_creator_id_creator_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_list_entry" ADD CONSTRAINT "prospect_list_entry_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_flag_override" ADD CONSTRAINT "vetting_flag_override_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_flag_override" ADD CONSTRAINT "vetting_flag_override_report_id_vetting_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."vetting_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vetting_flag_override" ADD CONSTRAINT "vetting_flag_override_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_ambassador_uq" ON "application" USING btree ("ambassador_id");--> statement-breakpoint
CREATE INDEX "application_program_idx" ON "application" USING btree ("program_id","created_at");--> statement-breakpoint
CREATE INDEX "application_workspace_idx" ON "application" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_review_uq" ON "application_review" USING btree ("ambassador_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "application_review_workspace_idx" ON "application_review" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "outreach_message_workspace_idx" ON "outreach_message" USING btree ("workspace_id","sent_at");--> statement-breakpoint
CREATE INDEX "outreach_message_template_idx" ON "outreach_message" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "outreach_message_creator_idx" ON "outreach_message" USING btree ("creator_id");--> statement-breakpoint
CREATE INDEX "outreach_template_workspace_idx" ON "outreach_template" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "prospect_list_workspace_idx" ON "prospect_list" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "prospect_entry_creator_idx" ON "prospect_list_entry" USING btree ("creator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "vetting_flag_override_uq" ON "vetting_flag_override" USING btree ("report_id","flag_key");