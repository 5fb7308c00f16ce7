// A database made without jmigrate, before the builds; the project has no model yet.
def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'legacy.db'), new Properties())
try {
  ['CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL)',
   'CREATE TABLE book (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL REFERENCES author (id))',
   'CREATE VIEW titles AS SELECT title FROM book',
   "INSERT INTO author (name) VALUES ('Ursula K. Le Guin')"].each { db.createStatement().execute(it) }
} finally {
  db.close()
}
return true
