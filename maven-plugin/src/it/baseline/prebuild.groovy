// Two databases made without jmigrate, before the builds: legacy.db has version 1's schema (written by
// hand, with a row), drifted.db lacks book.title.
def create = { String name, List<String> statements ->
  def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, name), new Properties())
  try {
    statements.each { db.createStatement().execute(it) }
  } finally {
    db.close()
  }
}
create('legacy.db', [
    'CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)',
    'CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id BIGINT NOT NULL REFERENCES author (id))',
    "INSERT INTO author (name) VALUES ('Ursula K. Le Guin')"])
create('drifted.db', [
    'CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)',
    'CREATE TABLE book (id INTEGER PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES author (id))'])
return true
