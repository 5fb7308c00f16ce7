// Runs after the invocations of invoker.properties; basedir is this project's clone under target/it.
def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + log) }
// Each expected line after the previous one: the invocations ran in this order.
int at = 0
def expect = { String text ->
  int i = log.indexOf(text, at)
  if (i < 0) fail("expected after position $at: $text")
  at = i + text.length()
}

// 1. The build generated V0001.
if (!new File(basedir, 'src/main/java/com/example/migrations/V0001_CreateAuthorAndBook.java').isFile()) fail('no V0001')
expect('jmigrate:check')
// 2. sql for PostgreSQL, without a database (PostgreSQL names the primary key; SQLite does not).
expect('jmigrate-maven-plugin:' + projectVersion + ':sql')
expect('-- V0001 create table author; create table book')
expect('CONSTRAINT "pk_book" PRIMARY KEY ("id")')
// 3. sql against target/app.db (SQLite): what migrate would run there.
expect('jmigrate-maven-plugin:' + projectVersion + ':sql')
expect('-- V0001 create table author; create table book')
expect('"id" INTEGER PRIMARY KEY')
// 4. migrate, status, validate in one run.
expect('[INFO] applied V0001 create table author; create table book')
expect('[INFO] [X] V0001 create table author; create table book')
expect('[INFO] no drift: the database matches version 1')
// 5./6. The next build's V0002 is pending.
expect('V0002_AddBookIsbn.java (add column book.isbn)')
expect('[INFO] [X] V0001')
expect('[INFO] [ ] V0002 add column book.isbn')
// 7./8. Forward to 2 and back to 1.
expect('[INFO] applied V0002 add column book.isbn')
expect('[INFO] reverted V0002 add column book.isbn')
expect('[INFO] [ ] V0002 add column book.isbn')
// 9. A one-line failure, no stack trace.
expect('[ERROR] Failed to execute goal io.jmigrate:jmigrate-maven-plugin:' + projectVersion
    + ':migrate-to (default-cli) on project goals: jmigrate: migrate-to needs the version to move to')
if (log.contains('\tat ')) fail('a stack trace was printed')
if (log.contains('this plugin is')) fail('a version skew was reported between equal versions')

// The database itself: version 1 applied, V0002 reverted (book has no isbn column).
def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'target/app.db'), new Properties())
try {
  def rs = db.createStatement().executeQuery('SELECT version, success FROM jmigrate_history ORDER BY version')
  def rows = []
  while (rs.next()) rows << [rs.getInt(1), rs.getBoolean(2)]
  if (rows != [[1, true]]) fail("jmigrate_history: $rows")
  rs = db.createStatement().executeQuery('SELECT name FROM pragma_table_info(\'book\') ORDER BY cid')
  def columns = []
  while (rs.next()) columns << rs.getString(1)
  if (columns != ['id', 'title', 'author_id']) fail("book's columns: $columns")
} finally {
  db.close()
}
return true
