"""The one way the window runs an operation: on the GUI thread, or on a worker thread with a
connection of its own that acts as the logged-in account (``Services.for_worker``).

A refusal (``DomainError``) or a storage failure (``StorageError``) is rendered once, here; the
``Changes`` an operation returns go to ``changed``, which the main window turns into refreshes
by topic (``MainWindow.on_changes``). An edit made from a view someone changed since is
refused with "已被他人修改，请刷新后再试" (issue 23): the caller's ``on_stale`` then reads the
view again, here too, so the next try is made from what it shows then. An operation of a
session that logged in before its server book was restored (``session.restored_since``) ends
the window's session: ``session_ends`` says so, and the window asks for a login again; a
read a widget makes itself (``session_read``, ``OperationRunner.read``) ends it the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.safety.restore_generation import RESTORED_SINCE
from chuansha_enforce.services.changes import NOTHING, Changes, Topic
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.session import Login
from ui.error_dialogs import error_text, show_error
from ui.worker_threads import WorkerThreads

T = TypeVar("T")
Op = Callable[[Services], T]
Failure = DomainError | StorageError
Reload = Callable[[], object]
STALE = "case.changed_since"
"""The code of the refusal of an edit made from a view that was changed since (issue 23)."""


class SessionEnds(QObject):
    """Says that a window's session ended because its server book was restored since it
    logged in (``RESTORED_SINCE``): any runner of the window (its dialogs have their own)
    emits ``ended`` with the window's services; the window whose services they are logs in
    again (``SafetyActions``). A refusal raised outside a runner (a service called by a
    widget itself) reaches the crash handler, which emits it with None for both: each window
    then asks its book whether its own session ended."""

    ended = Signal(object, object)  # the window's Services, the refusal as said (or None)


_SESSION_ENDS: list[SessionEnds] = []


def session_ends() -> SessionEnds:
    """The one ``SessionEnds`` of the program (made on first use, on the GUI thread)."""
    if not _SESSION_ENDS:
        _SESSION_ENDS.append(SessionEnds())
    return _SESSION_ENDS[0]


def session_read(
    read: Callable[[], T],
    *,
    services: Services | None = None,
    lang: Lang = "zh",
    quiet: bool = False,
) -> T | None:
    """A read a widget makes itself, outside ``run_op`` (the case list's pages and count, the
    search box, a case picker's offers, the work calendar): refused because the server book
    was restored since the session logged in (``RESTORED_SINCE``), it ends the window's
    session as an operation's refusal does (``session_ends``; ``services`` None: each window
    asks whether its own session ended) and gives None, never an exception in a Qt slot or
    virtual. Any other refusal is the caller's (``quiet``: None as well)."""
    try:
        return read()
    except DomainError as exc:
        if exc.code == RESTORED_SINCE:
            _end_session(exc, services, lang)
            return None
        if quiet:
            return None
        raise


def _end_session(exc: DomainError, services: Services | None, lang: Lang) -> None:
    """The window whose ``services`` were refused by a restore made since its login asks
    for a login again, saying why (the one way a refusal ends a session)."""
    session_ends().ended.emit(services, None if services is None else error_text(exc, lang))


def raise_failure(_text: str, exc: Failure) -> None:
    """``on_failed`` of a form's operation: the refusal goes back to the form, which shows it
    at the field it names."""
    raise exc


def changes_of(result: object) -> tuple[Changes, tuple[str, ...]]:
    """The topics a service result says it changed, and the one case it changed if it names
    one (a case step's ``StepResult``)."""
    if isinstance(result, frozenset) and all(isinstance(t, Topic) for t in result):
        return frozenset(result), ()
    changed = getattr(result, "changed", None)
    if not isinstance(changed, frozenset):
        return NOTHING, ()
    case_no = getattr(getattr(result, "case", None), "case_no", None)
    return frozenset(changed), ((case_no,) if isinstance(case_no, str) else ())


def reopen_services(services: Services) -> Services:
    """The case book opened afresh (after a restore swapped the file, or replaced the server
    book with a dump): nobody is logged in on it yet, so with accounts it only reads until
    someone logs in on it."""
    return build_services(services.server_url or services.db_path, services.clock)


def open_case_book(location: str, clock: Clock, login: Login | None = None) -> Services:
    """Another case book (a server's, from 文件 → 连接服务器…), as ``login`` when given."""
    return build_services(location, clock, login=login)


class Progress(QObject):
    """Handed to a long operation as its progress callback; ``cancel`` makes it return False
    (the operation then stops and writes nothing). Emitted from the worker, shown here."""

    progressed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled

    def cancel(self) -> None:
        self.cancelled = True


class _Job(QObject):
    """The one worker: opens its own services, runs the operation, reports back."""

    finished = Signal(object)
    failed = Signal(object)  # DomainError | StorageError
    crashed = Signal(object)  # anything else: a bug

    def __init__(self, services: Services, op: Op[Any], read_only: bool) -> None:
        super().__init__()
        self._services = services
        self._op = op
        self._read_only = read_only

    @Slot()
    def run(self) -> None:
        try:
            with self._services.for_worker(read_only=self._read_only) as services:
                result = self._op(services)
        except (DomainError, StorageError) as exc:
            self.failed.emit(exc)
            return
        except Exception as exc:  # a bug: raised again on the GUI thread (crash handler)
            self.crashed.emit(exc)
            return
        self.finished.emit(result)


class _Reply(QObject):
    """Lives on the GUI thread, so the job's signals reach these slots there (queued)."""

    def __init__(
        self,
        runner: OperationRunner,
        on_done: Callable[[Any], object] | None,
        on_failed: Callable[[str, Failure], object] | None,
        parent: QWidget | None,
        on_stale: Reload | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_done = on_done
        self._on_failed = on_failed
        self._parent = parent
        self._on_stale = on_stale

    @Slot(object)
    def done(self, result: object) -> None:
        self.deleteLater()
        self._runner._done(result, self._on_done)

    @Slot(object)
    def failed(self, exc: Failure) -> None:
        self.deleteLater()
        self._runner._failed(exc, self._on_failed, self._parent, self._on_stale)

    @Slot(object)
    def crashed(self, exc: Exception) -> None:
        """A bug in a background job is raised here, on the GUI thread, where the crash
        handler shows it (a dialog cannot be opened from the worker)."""
        self.deleteLater()
        raise exc


class OperationRunner(QObject):
    """Owned by the main window (or a dialog under test); ``wait`` at close."""

    changed = Signal(object, object)  # Changes, the case numbers it names (may be empty)

    def __init__(self, services: Services, lang: Lang = "zh", parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.lang = lang
        self._threads = WorkerThreads(self)

    def run_op(
        self,
        op: Op[T],
        on_done: Callable[[T], object] | None = None,
        *,
        background: bool = False,
        read_only: bool = True,
        on_failed: Callable[[str, Failure], object] | None = None,
        parent: QWidget | None = None,
        on_stale: Reload | None = None,
    ) -> T | None:
        """Run ``op``. On the GUI thread it uses the window's services and returns the result
        (None when refused); in the background it uses ``Services.for_worker(read_only=…)``
        and returns None at once. Either way ``on_done`` gets the result, a refusal is shown
        (in ``on_failed`` when given, else as a message box over ``parent``), and the
        result's ``Changes`` go out on ``changed``. A refusal because the case changed since
        the caller read it (``STALE``) first calls ``on_stale``, which reads it again."""
        if background:
            job = _Job(self.services, op, read_only)
            reply = _Reply(self, on_done, on_failed, parent, on_stale)
            job.finished.connect(reply.done)
            job.failed.connect(reply.failed)
            job.crashed.connect(reply.crashed)
            self._threads.start(job, job.run, (job.finished, job.failed, job.crashed))
            return None
        try:
            result = op(self.services)
        except (DomainError, StorageError) as exc:
            self._failed(exc, on_failed, parent, on_stale)
            return None
        self._done(result, on_done)
        return result

    def read(self, read: Callable[[], T], *, quiet: bool = False) -> T | None:
        """``read`` made by the window itself (``session_read`` with its services): None
        when its session ended because the server book was restored since the login."""
        return session_read(read, services=self.services, lang=self.lang, quiet=quiet)

    def _done(self, result: Any, on_done: Callable[[Any], object] | None) -> None:
        if on_done is not None:
            on_done(result)
        self.announce(result)

    def announce(self, result: object) -> None:
        """Send out what ``result`` changed (also for results a form got on its own)."""
        changes, cases = changes_of(result)
        if changes:
            self.changed.emit(changes, cases)

    def _failed(
        self,
        exc: Failure,
        on_failed: Callable[[str, Failure], object] | None,
        parent: QWidget | None,
        on_stale: Reload | None = None,
    ) -> None:
        if isinstance(exc, DomainError) and exc.code == RESTORED_SINCE:
            # the window logs in again, saying why; a form is told as it is of any refusal
            _end_session(exc, self.services, self.lang)
            if on_failed is not None:
                on_failed(error_text(exc, self.lang), exc)
            return
        if on_stale is not None and isinstance(exc, DomainError) and exc.code == STALE:
            on_stale()  # before the refusal is shown (``raise_failure`` ends here)
        if on_failed is not None:
            on_failed(error_text(exc, self.lang), exc)
        else:
            show_error(parent, exc, self.lang)

    def wait(self) -> None:
        """Let running jobs end (the window is closing)."""
        self._threads.wait()
