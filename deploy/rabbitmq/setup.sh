#!/bin/sh
# One user per service on the leadplatform virtual host, through the management API (rabbitmqadmin ships in the
# rabbitmq:*-management image). Idempotent: compose runs it on every `up`, and a changed password in deploy/.env
# is applied by the next run. Permissions are the whole virtual host: MassTransit declares the exchanges of the
# messages a service publishes and binds its own queues, whose names follow the message types.
set -eu

admin() {
  rabbitmqadmin --host="${RABBITMQ_HOST:-rabbitmq}" --port=15672 \
    --username="$RABBITMQ_ADMIN_USER" --password="$RABBITMQ_ADMIN_PASSWORD" "$@"
}

admin declare vhost name="$RABBITMQ_VHOST"
for service in intake qualification followup; do
  case "$service" in
    intake) password="$RABBITMQ_INTAKE_PASSWORD" ;;
    qualification) password="$RABBITMQ_QUALIFICATION_PASSWORD" ;;
    followup) password="$RABBITMQ_FOLLOWUP_PASSWORD" ;;
  esac
  admin declare user name="$service" password="$password" tags=
  admin declare permission vhost="$RABBITMQ_VHOST" user="$service" configure='.*' write='.*' read='.*'
  echo "user $service can use vhost $RABBITMQ_VHOST"
done
