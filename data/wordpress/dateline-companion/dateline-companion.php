<?php
/**
 * Plugin Name:       Dateline Companion
 * Description:       Lets the Dateline newsroom editor store an article's structured fields (dateline, credits, its own article id) as post meta over the REST API. Optional: Dateline publishes to sites without it.
 * Version:           1
 * Requires at least: 5.6
 * Requires PHP:      7.0
 * Author:            The Dateline authors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 *
 * This program is free software; you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation; either version 2
 * of the License, or (at your option) any later version. It is distributed WITHOUT ANY WARRANTY.
 *
 * What it does, and nothing more:
 *  1. registers Dateline's fields as post meta visible in the REST API (a stock site silently
 *     drops unregistered keys sent in a post's "meta" object);
 *  2. adds ?dateline_client_uuid=<uuid> to GET /wp/v2/posts, so Dateline can find the post it
 *     created for an article even when it never saw the reply (WordPress has no idempotency key);
 *  3. announces itself in the REST index (GET /wp-json/) as "dateline_companion": {"version"},
 *     so Dateline can tell whether the two features above are available on a given site.
 * It adds no settings, tables, admin screens, cron jobs or outgoing requests.
 * "Requires at least: 5.6": application passwords, which Dateline signs in with, came in 5.6.
 */

defined( 'ABSPATH' ) || exit; // Only ever run inside WordPress, never as a URL of its own.

// Bump only when what a client may rely on changes; Dateline compares it.
const DATELINE_COMPANION_VERSION = '1';

/**
 * The post meta keys, each a single string (empty when unset), with what Dateline puts in them.
 */
function dateline_companion_meta_keys() {
	return array(
		'dateline_client_uuid'  => 'The article\'s UUID in Dateline (lowercase, as Dateline writes it).',
		'dateline_place'        => 'Dateline place, e.g. "Minsk".',
		'dateline_region'       => 'Region or state of the place, if any.',
		'dateline_country'      => 'Country of the place.',
		'dateline_date'         => 'Date and time of the dateline, RFC 3339.',
		'dateline_time_zone'    => 'IANA time zone of the place, e.g. "Europe/Minsk".',
		'dateline_source'       => 'Source or agency, e.g. "BelTA".',
		'dateline_style'        => 'Name of the dateline style used to compose dateline_text.',
		'dateline_text'         => 'The composed dateline, e.g. "MINSK, 8 May (BelTA) - ".',
		'dateline_credits'      => 'JSON string: an array of {"role", "name", "text"} objects.',
		'dateline_image_credit' => 'Credit line of the article\'s image.',
	);
}

add_action(
	'init',
	function () {
		foreach ( dateline_companion_meta_keys() as $key => $description ) {
			register_post_meta(
				'post',
				$key,
				array(
					'type'          => 'string',
					'description'   => $description,
					'single'        => true,
					'default'       => '',
					'show_in_rest'  => true,
					// Whoever may edit this very post may set its meta (a contributor: only their
					// own drafts), the same rule WordPress applies to the post itself.
					'auth_callback' => function ( $allowed, $meta_key, $post_id, $user_id ) {
						return user_can( $user_id, 'edit_post', $post_id );
					},
				)
			);
		}
	}
);

// Declare the query parameter: WordPress then lists it in OPTIONS /wp/v2/posts and, through the
// schema, answers 400 rest_invalid_param for anything that is not a UUID before our code runs.
add_filter(
	'rest_post_collection_params',
	function ( $params ) {
		$params['dateline_client_uuid'] = array(
			'description' => 'Limit the result to posts whose dateline_client_uuid meta is this UUID.',
			'type'        => 'string',
			'format'      => 'uuid',
		);
		return $params;
	}
);

// Turn the parameter into a meta query. Combine with AND so that another plugin's meta query,
// if any, still applies. Callers wanting drafts too pass status=any (which needs edit rights);
// note that "any" leaves out trashed posts.
add_filter(
	'rest_post_query',
	function ( $args, $request ) {
		$uuid = $request->get_param( 'dateline_client_uuid' );
		if ( null === $uuid ) {
			return $args;
		}
		if ( ! is_string( $uuid ) || ! wp_is_uuid( $uuid ) ) {
			// Normally refused by the schema above already; should that ever be bypassed, a
			// lookup must find nothing rather than every post.
			$args['post__in'] = array( 0 );
			return $args;
		}
		$ours = array(
			'key'   => 'dateline_client_uuid',
			'value' => $uuid,
		);
		if ( empty( $args['meta_query'] ) ) {
			$args['meta_query'] = array( $ours );
		} else {
			$args['meta_query'] = array( 'relation' => 'AND', $ours, $args['meta_query'] );
		}
		return $args;
	},
	10,
	2
);

// Announce the plugin in GET /wp-json/, the one request a client makes to discover a site.
add_filter(
	'rest_index',
	function ( $response ) {
		$data                       = $response->get_data();
		$data['dateline_companion'] = array( 'version' => DATELINE_COMPANION_VERSION );
		$response->set_data( $data );
		return $response;
	}
);
