<?php
// Router for PHP's built-in web server (php -S), used by the throw-away WordPress of
// tests/wordpress/wp-up.sh. It stands in for the web server's rewrite rules that pretty
// permalinks (/wp-json/..., /some-post/) rely on: existing files and directories that have an
// index.php are served as they are (return false), every other path goes to WordPress's
// front controller, which parses REQUEST_URI itself.
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode((string) (parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/'));
if ($path !== '/' && strpos($path, "\0") === false
    && (is_file($root . $path) || is_file(rtrim($root . $path, '/') . '/index.php'))) {
    return false;
}
// Make WordPress believe it was reached as /index.php, as it would be behind a rewrite rule.
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
