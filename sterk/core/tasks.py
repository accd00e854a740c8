"""The outbox's jobs. They only speed things up: the outbox rows are the truth, and
`manage.py send_outbox` sends whatever a lost job left behind."""

from django_tasks import task

from . import outbox


@task()
def send_outbound_email(outbound_id: int) -> str:
    """Send one outbox row if it is due (a retried or duplicate job never sends twice)."""
    return outbox.send_one(outbound_id)


@task()
def send_outbox() -> dict[str, int]:
    """Send every due row (and every row a crashed worker left claimed)."""
    return outbox.drain()


@task()
def send_outbox_singles() -> dict[str, int]:
    """Send every due e-mail that is not bulk: asked for once per burst of new e-mails."""
    return outbox.send_singles()
