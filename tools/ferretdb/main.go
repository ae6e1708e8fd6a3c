// Command ferretdb-launcher runs an embedded FerretDB (MongoDB wire protocol) server.
//
// It exists because no mongod can be installed on the project's build machines: the service's
// `npm run dev` and the integration tests start this launcher when MONGODB_URI is unset.
// We embed FerretDB's Go package instead of `go install`-ing its CLI, whose version package
// panics when the release-generated version.txt is absent from the module.
//
// Once the listener is up it prints one line, "READY <mongodb-uri>", on stdout.
// It stops on SIGINT/SIGTERM, and also when stdin reaches EOF if -watch-stdin is set, so a
// crashed parent process never leaves an orphaned database server behind.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free port)")
	handler := flag.String("handler", "sqlite", "storage handler: sqlite or postgresql")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI for the sqlite handler")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL URL for the postgresql handler")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", false, "exit when stdin is closed")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "invalid -log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Logger:        logger,
		Handler:       *handler,
		SQLiteURL:     *sqliteURL,
		PostgreSQLURL: *postgresURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "cannot start FerretDB: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()

	// MongoDBURI blocks until Run has bound the listener.
	fmt.Printf("READY %s\n", f.MongoDBURI())

	<-done
}
