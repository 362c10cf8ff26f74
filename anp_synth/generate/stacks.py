"""The technology stacks an article can be about: area, language, tools and code snippets.

Each stack's tools and snippets belong together, so a record's ``tools``, ``code_language``
and code block always fit its stack (an invariant ``validate`` checks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stack:
    name: str
    area: str
    language: str
    code_language: str
    tools: tuple[str, ...]
    snippets: tuple[str, ...]


STACKS: tuple[Stack, ...] = (
    Stack(
        "python services", "backend", "python", "python",
        ("fastapi", "pytest", "uvicorn", "ruff", "git", "logs", "mypy", "gunicorn"),
        (
            "from fastapi import FastAPI\napp = FastAPI()\n\n@app.get('/health')\ndef health():\n"
            "    return {'ok': True}",
            "import logging\n\nlog = logging.getLogger(__name__)\n\ndef run(job):\n"
            "    log.info('start %s', job.id)\n    job.execute()\n    log.info('done %s', job.id)",
            "def test_health(client):\n    response = client.get('/health')\n"
            "    assert response.status_code == 200",
        ),
    ),
    Stack(
        "django applications", "backend", "python", "python",
        ("django", "pytest", "celery", "postgres", "gunicorn", "sentry"),
        (
            "from django.db import models\n\nclass Article(models.Model):\n"
            "    title = models.CharField(max_length=200)\n    updated = models.DateTimeField(db_index=True)",
            "from django.core.cache import cache\n\ndef cached_count(key, query):\n"
            "    return cache.get_or_set(key, query.count, timeout=300)",
            "python manage.py migrate --plan\npython manage.py migrate",
        ),
    ),
    Stack(
        "node.js apis", "backend", "javascript", "javascript",
        ("express", "jest", "npm", "pm2", "eslint", "pino"),
        (
            "const express = require('express');\nconst app = express();\n\n"
            "app.get('/health', (req, res) => res.json({ ok: true }));\napp.listen(3000);",
            "async function withRetry(fn, attempts = 3) {\n  for (let i = 0; i < attempts; i++) {\n"
            "    try { return await fn(); } catch (err) { if (i === attempts - 1) throw err; }\n  }\n}",
        ),
    ),
    Stack(
        "react frontends", "frontend", "typescript", "typescript",
        ("react", "vite", "vitest", "eslint", "playwright", "storybook"),
        (
            "export function Status({ ok }: { ok: boolean }) {\n"
            "  return <span role=\"status\">{ok ? 'ready' : 'degraded'}</span>;\n}",
            "const items = useMemo(() => rows.filter((r) => r.visible), [rows]);",
        ),
    ),
    Stack(
        "go microservices", "backend", "go", "go",
        ("go test", "golangci-lint", "pprof", "docker", "prometheus", "grpc"),
        (
            "func health(w http.ResponseWriter, r *http.Request) {\n"
            "\tw.WriteHeader(http.StatusOK)\n\tw.Write([]byte(\"ok\"))\n}",
            "ctx, cancel := context.WithTimeout(ctx, 2*time.Second)\ndefer cancel()\n"
            "rows, err := db.QueryContext(ctx, query)",
        ),
    ),
    Stack(
        "rust command-line tools", "tooling", "rust", "rust",
        ("cargo", "clippy", "rustfmt", "criterion", "tracing", "clap"),
        (
            "fn main() -> anyhow::Result<()> {\n    let args = Args::parse();\n"
            "    run(&args)?;\n    Ok(())\n}",
            "#[test]\nfn parses_empty_input() {\n    assert_eq!(parse(\"\"), Vec::new());\n}",
        ),
    ),
    Stack(
        "wordpress sites", "cms", "php", "php",
        ("wp-cli", "phpunit", "composer", "query monitor", "redis", "nginx"),
        (
            "add_action('init', function () {\n    register_post_meta('post', 'view_count', [\n"
            "        'type' => 'integer', 'single' => true, 'show_in_rest' => true,\n    ]);\n});",
            "wp post meta list 19503 --format=json",
        ),
    ),
    Stack(
        "laravel applications", "backend", "php", "php",
        ("artisan", "phpunit", "composer", "horizon", "telescope", "redis"),
        (
            "Route::get('/health', fn () => response()->json(['ok' => true]));",
            "Schema::table('articles', function (Blueprint $table) {\n"
            "    $table->index(['status', 'reviewed_at']);\n});",
        ),
    ),
    Stack(
        "rails applications", "backend", "ruby", "ruby",
        ("rails", "rspec", "sidekiq", "bundler", "rubocop", "puma"),
        (
            "class Article < ApplicationRecord\n  scope :stale, -> { where('reviewed_at < ?', 1.year.ago) }\nend",
            "class AddIndexToArticles < ActiveRecord::Migration[7.1]\n"
            "  disable_ddl_transaction!\n  def change\n"
            "    add_index :articles, :reference, unique: true, algorithm: :concurrently\n  end\nend",
        ),
    ),
    Stack(
        "spring boot services", "backend", "java", "java",
        ("maven", "junit", "actuator", "flyway", "micrometer", "jib"),
        (
            "@GetMapping(\"/health\")\npublic Map<String, Boolean> health() {\n"
            "    return Map.of(\"ok\", true);\n}",
            "@Transactional(readOnly = true)\npublic List<Article> latest(int limit) {\n"
            "    return repository.findTop20ByOrderByReviewedAtDesc();\n}",
        ),
    ),
    Stack(
        "postgresql databases", "database", "sql", "sql",
        ("psql", "pg_stat_statements", "explain", "pgbench", "pg_dump", "vacuum"),
        (
            "create index concurrently if not exists articles_status_reviewed\n"
            "    on articles (status, last_reviewed desc);",
            "explain (analyze, buffers)\nselect id, title from articles\n"
            "where status = 'published'\norder by last_reviewed desc\nlimit 20;",
        ),
    ),
    Stack(
        "kubernetes deployments", "infrastructure", "yaml", "yaml",
        ("kubectl", "helm", "kustomize", "prometheus", "argo cd", "k9s"),
        (
            "readinessProbe:\n  httpGet:\n    path: /health\n    port: 8080\n"
            "  periodSeconds: 5\n  failureThreshold: 3",
            "resources:\n  requests:\n    cpu: 250m\n    memory: 256Mi\n  limits:\n    memory: 512Mi",
        ),
    ),
    Stack(
        "terraform infrastructure", "infrastructure", "hcl", "hcl",
        ("terraform", "tflint", "terragrunt", "checkov", "git", "vault"),
        (
            "resource \"aws_db_instance\" \"main\" {\n  backup_retention_period = 7\n"
            "  deletion_protection     = true\n}",
            "terraform plan -out=tfplan\nterraform apply tfplan",
        ),
    ),
    Stack(
        "shell automation", "tooling", "bash", "bash",
        ("bash", "shellcheck", "cron", "systemd", "jq", "rsync"),
        (
            "#!/usr/bin/env bash\nset -euo pipefail\n\nlog() { printf '%s %s\\n' \"$(date -u +%FT%TZ)\" \"$*\"; }\n"
            "log 'backup started'",
            "flock -n /run/import.lock ./import.sh || echo 'already running'",
        ),
    ),
)  # fmt: skip
