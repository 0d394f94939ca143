-- One commit of a transaction (commit-one.lua, prepended, describes it and its ARGV).
return commit(ARGV)
